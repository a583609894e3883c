import { html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { alertType } from '../../../shared/catalogue.js';
import type { OpenedAlert, OpenedDetail } from '../../../shared/console.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { OPS_ROOM } from '../../../sync/rooms.js';
import { SyncedRoom } from '../../data/room.js';
import { consoleApi } from '../../data/console.js';
import { base } from '../../styles.js';
import { Attention } from './attention.js';
import { rankUnits, readOps, type ConsoleAlert, type OpsView } from './ops-data.js';
import { QueueSource } from './queue-source.js';
import { viewers, setViewing, type Viewer } from './presence.js';
import { consoleBar, type Tab } from './console-bar.js';
import { boardPanel } from './console-panels.js';
import { handleKey, type KeyHost } from './console-keys.js';
import { perform, type ConsoleIntent, type Notice } from './console-intents.js';
import { bannerStyles, consoleBanners } from './console-banners.js';
import { consoleWorkspace } from './console-workspace.js';
import { homeStyles } from './home-styles.js';
import type { AlertDetail, DetailMode } from './alert-detail.js';
import type { AlertQueue } from './alert-queue.js';
import type { ShortcutsHelp } from './shortcuts-help.js';
import { prefetchMap, type SacMap } from '../../components/sac-map.js';
import { opsMapStyles, revealAlert } from './ops-layers.js';
import './shortcuts-help.js';

/** A silent alert's opening is audited once per this long per console (not per keystroke). */
const REOPEN_AUDIT_MS = 2 * 60_000;

/**
 * The monitoring centre's console: the live queue, the selected alert and the map
 * side by side; boards for units, sirens, requests and registrations; the audit log for
 * admins. It owns the `ops` room, the presence in it, the keyboard and the attention signals;
 * the pieces render what it passes and tell it what the operator wants (`intent`).
 */
@customElement('sac-operator-home')
export class OperatorHome extends SacElement implements KeyHost {
  static override styles = [base, homeStyles, opsMapStyles, bannerStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @state() view: OpsView = { alerts: [], units: [], sirens: [], requests: [] };
  /** `#/observatorio/…` (a report's address) opens the console on the observatory. */
  @state() private tab: Tab = location.hash.startsWith('#/observatorio') ? 'observatory' : 'queue';
  @state() selected: string | null = null;
  @state() mode: DetailMode = 'view';
  @state() private others: Viewer[] = [];
  @state() opened: OpenedDetail | null = null;
  @state() identity: OpenedAlert | null = null;
  @state() notice: Notice | null = null;
  @state() pendingDispatch: string | null = null;
  @state() private now = Date.now();
  /** alerts that arrived while this console was open: each one flashes the banners again */
  @state() private arrivals = 0;
  @query('sac-alert-queue') private queue?: AlertQueue;
  @query('sac-alert-detail') private detail?: AlertDetail;
  @query('sac-shortcuts-help') private help?: ShortcutsHelp;
  @query('sac-map') private map?: SacMap;
  room: SyncedRoom | null = null;
  private readonly attention = new Attention();
  private readonly source = new QueueSource(this);
  private readonly fresh = new Set<string>();
  private readonly audited = new Map<string, number>();
  private staff = new Map<string, string>();
  private ticker: ReturnType<typeof setInterval> | null = null;
  /** the last write this console made, to name it if the server refuses it */
  lastAction: { label: string; at: number } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchMap(); // the console opens on its map
    const room = new SyncedRoom(OPS_ROOM);
    room.addEventListener('change', () => this.refresh());
    room.addEventListener('reset', () => this.onReset());
    room.addEventListener('unauthorized', () =>
      this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true })),
    );
    this.room = room;
    void room.open().then(() => {
      this.bindPresence();
      this.refresh();
    });
    void consoleApi
      .staff()
      .then(({ staff }) => (this.staff = new Map(staff.map((s) => [s.id, s.name]))))
      .catch(() => undefined);
    addEventListener('keydown', this.onKey);
    this.ticker = setInterval(() => (this.now = Date.now()), 5000);
  }

  override disconnectedCallback(): void {
    removeEventListener('keydown', this.onKey);
    if (this.ticker) clearInterval(this.ticker);
    this.attention.stop();
    this.room?.destroy();
    super.disconnectedCallback();
  }

  private onKey = (e: KeyboardEvent): void => {
    if (handleKey(e, this)) e.preventDefault();
  };

  private bindPresence(): void {
    const awareness = this.room?.awareness ?? null;
    awareness?.on('change', () => (this.others = viewers(awareness)));
    setViewing(awareness, this.selected);
  }

  /** The server refused a write of ours (4403): the room was dropped and resynced. */
  private onReset(): void {
    this.bindPresence();
    this.refresh();
    const recent = this.lastAction && Date.now() - this.lastAction.at < 30_000;
    this.notice = {
      kind: 'error',
      text: recent
        ? t('ops.refused.action', { action: this.lastAction!.label })
        : t('ops.refused.generic'),
    };
    this.mode = 'view';
  }

  private refresh(): void {
    if (!this.room) return;
    const view = readOps(this.room.doc);
    const arrived = this.attention.look(view.alerts, this.room.synced);
    for (const a of arrived) this.fresh.add(a.id);
    this.arrivals += arrived.length;
    for (const a of view.alerts) if (a.status !== 'received') this.fresh.delete(a.id);
    this.view = view;
  }

  get onQueue(): boolean {
    return this.tab === 'queue';
  }

  private get visible(): ConsoleAlert[] {
    return this.source.visible(this.view.alerts, this.city);
  }

  /** An alert of `ops`, or of the history page on screen. */
  findAlert(id: string): ConsoleAlert | undefined {
    return this.view.alerts.find((a) => a.id === id) ?? this.source.find(id);
  }

  move(step: 1 | -1): void {
    const list = this.visible;
    if (!list.length) return;
    const i = list.findIndex((a) => a.id === this.selected);
    const next =
      i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
    this.select(list[next]!.id);
  }

  select(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.mode = 'view';
    this.pendingDispatch = null;
    this.opened = null;
    this.identity = null;
    setViewing(this.room?.awareness ?? null, id);
    if (!id) return;
    this.fresh.delete(id);
    const alert = this.findAlert(id);
    const silent = alert ? alertType(alert.type).silent : false;
    const last = this.audited.get(id) ?? 0;
    if (silent && Date.now() - last < REOPEN_AUDIT_MS) return;
    if (silent) this.audited.set(id, Date.now());
    void consoleApi
      .opened(id)
      .then((o) => this.selected === id && (this.opened = o))
      .catch(() => undefined);
  }

  perform(intent: ConsoleIntent): void {
    perform(this, intent);
  }

  pickUnit(index: number): void {
    const a = this.view.alerts.find((x) => x.id === this.selected);
    const choice = a ? rankUnits(this.view.units, a.location, this.city)[index] : undefined;
    if (choice) this.perform({ kind: 'dispatch', unitId: choice.unit.id });
  }

  focusSearch(): void {
    this.queue?.focusSearch();
  }

  focusNote(): void {
    this.detail?.focusNote();
  }

  toggleHelp(): void {
    this.help?.toggle();
  }

  centreMap(): void {
    const alert = this.selected ? this.findAlert(this.selected) : undefined;
    this.map?.use((L, map) => revealAlert(L, map, alert, true));
  }

  private onMapSelect = (id: string): void => this.select(id);

  nameOf = (id: string): string => this.staff.get(id) ?? (id === this.me.id ? this.me.name : '—');

  override render() {
    return html`${consoleBar({
        view: this.view,
        tab: this.tab,
        admin: this.me.role === 'admin',
        others: this.others,
        onTab: (tab) => (this.tab = tab),
        onHelp: () => this.toggleHelp(),
      })}
      ${consoleBanners({
        notice: this.notice,
        dismiss: () => (this.notice = null),
        alerts: this.view.alerts,
        onQueue: this.onQueue,
        arrivals: this.arrivals,
        show: (id) => {
          this.tab = 'queue';
          if (id) this.select(id);
        },
      })}
      <div id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}" class="panel">
        ${this.panel()}
      </div>
      <sac-shortcuts-help></sac-shortcuts-help>`;
  }

  private panel() {
    if (this.tab === 'queue') return this.workspace();
    return boardPanel(
      this.tab,
      this.view,
      this.city,
      this.now,
      (a) => this.perform({ kind: 'request', ...a }),
      this.me,
    );
  }

  private workspace() {
    return consoleWorkspace({
      view: this.view,
      city: this.city,
      source: this.source,
      visible: this.visible,
      alert: this.selected ? this.findAlert(this.selected) : undefined,
      selected: this.selected,
      fresh: this.fresh,
      others: this.others,
      now: this.now,
      opened: this.opened,
      identity: this.identity,
      mode: this.mode,
      nameOf: this.nameOf,
      pendingDispatch: this.pendingDispatch,
      select: (id) => this.select(id),
      perform: (intent) => this.perform(intent),
      onMapSelect: this.onMapSelect,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-operator-home': OperatorHome;
  }
}
