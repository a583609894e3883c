import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PAGE_DEFAULT } from '../../../shared/history.js';
import type { CityInfo } from '../../../shared/types.js';
import { consoleApi } from '../../data/console.js';
import { NO_FILTER, inHistory, matches, type ConsoleAlert, type QueueFilter } from './ops-data.js';
import type { HistoryInfo } from './queue-range.js';

/** How long the operator may pause typing before the server is asked. */
const TYPING_MS = 300;

/**
 * What the queue lists: the live `ops` room through the operator's filters, or a page of the
 * history (`GET /api/console/alerts`) of any day range or any words, from SQL. The room holds
 * only the last day; the console never loads more than one page of the rest. Only the newest
 * question's answer is kept: a slow answer to an older one never replaces it.
 */
export class QueueSource implements ReactiveController {
  filter: QueueFilter = NO_FILTER;
  private page: ConsoleAlert[] = [];
  private info: HistoryInfo = {
    total: 0,
    offset: 0,
    limit: PAGE_DEFAULT,
    loading: false,
    failed: false,
  };
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** The history's state for the queue to show, or null in the live queue. */
  get history(): HistoryInfo | null {
    return inHistory(this.filter) ? this.info : null;
  }

  /** The rows: the history's page (alerts still in `ops` as they are now) or the live room's. */
  visible(live: ConsoleAlert[], city: CityInfo): ConsoleAlert[] {
    if (inHistory(this.filter)) return this.page.map((h) => live.find((a) => a.id === h.id) ?? h);
    const name = (id: string) =>
      city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '';
    return live.filter((a) => matches(a, this.filter, name));
  }

  find(id: string): ConsoleAlert | undefined {
    return this.page.find((a) => a.id === id);
  }

  /** The operator changed the filters; the history is asked again (after a pause in typing). */
  setFilter(next: QueueFilter): void {
    const entering = inHistory(next) && !inHistory(this.filter);
    // The history is mostly closed alerts: "open only" there would show next to nothing.
    const filter = entering && next.status === 'open' ? { ...next, status: 'all' as const } : next;
    const typing = !entering && filter.text !== this.filter.text;
    this.filter = filter;
    if (inHistory(filter)) this.ask(0, typing);
    this.host.requestUpdate();
  }

  /** Another page of the same question. */
  ask(offset: number, typing = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.info = { ...this.info, loading: true };
    this.host.requestUpdate();
    const filter = this.filter;
    if (typing) this.timer = setTimeout(() => void this.load(filter, offset), TYPING_MS);
    else void this.load(filter, offset);
  }

  private async load(f: QueueFilter, offset: number): Promise<void> {
    const asked = ++this.asked;
    try {
      const page = await consoleApi.history({
        from: f.from,
        to: f.to,
        q: f.text.trim(),
        status: f.status,
        type: f.type,
        area: f.area,
        limit: this.info.limit,
        offset,
      });
      if (asked !== this.asked) return;
      this.page = page.alerts;
      this.info = {
        ...this.info,
        total: page.total,
        offset: page.offset,
        loading: false,
        failed: false,
      };
    } catch {
      if (asked !== this.asked) return;
      this.info = { ...this.info, loading: false, failed: true };
    }
    this.host.requestUpdate();
  }
}
