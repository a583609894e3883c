import { html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { ALERT_TYPE_CODES, alertType, isOpenStatus } from '../../../shared/catalogue.js';
import { REPEAT_FALSE_ALARMS, type OpsUnit } from '../../../shared/console.js';
import { statusKey } from '../../../shared/dispatch-progress.js';
import { formatDateTime, formatTime, t } from '../../../shared/i18n/core.js';
import { OPEN_STATUSES, CLOSED_STATUSES, type CityInfo } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import {
  ageOf,
  inHistory,
  type ConsoleAlert,
  type QueueFilter,
  type StatusFilter,
} from './ops-data.js';
import { opsStyles } from './ops-styles.js';
import { queueStyles } from './queue-styles.js';
import { pager, rangeBar, rangePickers, rangeStyles, type HistoryInfo } from './queue-range.js';
import { initials, type Viewer } from './presence.js';
import { heldChip } from './held-note.js';

const STATUS_FILTERS: StatusFilter[] = [
  'open',
  'closed',
  'all',
  ...OPEN_STATUSES,
  ...CLOSED_STATUSES,
];

/**
 * The live queue: what is waiting, how urgent, for how long, who is on it. Rows stay a table
 * (`tr[data-alert]`) because operators scan columns; the first cell's button opens the alert.
 */
@customElement('sac-alert-queue')
export class AlertQueue extends SacElement {
  static override styles = [base, opsStyles, queueStyles, rangeStyles];

  @property({ attribute: false }) alerts: ConsoleAlert[] = [];
  @property({ attribute: false }) total = 0;
  /** every alert of `ops`, whatever the filters: the header's counts never depend on them */
  @property({ attribute: false }) live: ConsoleAlert[] = [];
  /** the page of history shown, when the filter asks for the history */
  @property({ attribute: false }) history: HistoryInfo | null = null;
  /** today in the city's calendar (YYYY-MM-DD), the last day the pickers offer */
  @property({ attribute: false }) today = '';
  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) units: OpsUnit[] = [];
  @property({ attribute: false }) filter!: QueueFilter;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();
  @property({ attribute: false }) viewers: Viewer[] = [];
  @property({ attribute: false }) now = Date.now();
  @query('input[type=search]') private search!: HTMLInputElement;

  focusSearch(): void {
    this.search.focus();
    this.search.select();
  }

  override updated(): void {
    this.renderRoot.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }

  private emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private setFilter(patch: Partial<QueueFilter>): void {
    this.emit('filter', { ...this.filter, ...patch });
  }

  private areaName(id: string | null): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  override render() {
    const open = this.live.filter((a) => isOpenStatus(a.status)).length;
    const waiting = this.live.filter((a) => a.status === 'received').length;
    const history = inHistory(this.filter);
    const range = {
      filter: this.filter,
      history: this.history,
      today: this.today,
      set: (patch: Partial<QueueFilter>) => this.setFilter(patch),
      page: (offset: number) => this.emit('page', offset),
    };
    return html`
      <header>
        <h1>${history ? t('history.title') : t('ops.queue.title')}</h1>
        <span class="count" title=${t('history.count_hint')}
          >${
            waiting ? t('history.count_waiting', { open, waiting }) : t('ops.queue.count', { open })
          }</span
        >
      </header>
      <div class="filters" role="search">
        <input
          type="search"
          aria-label=${t('ops.filter.search')}
          placeholder=${t('ops.filter.search_hint')}
          .value=${this.filter.text}
          @input=${(e: Event) => this.setFilter({ text: (e.target as HTMLInputElement).value })}
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.target as HTMLElement).blur()}
        />
        ${this.select(
          t('ops.filter.status'),
          this.filter.status,
          STATUS_FILTERS.map((s) => [s, t(`ops.filter.status.${s}`)] as const),
          (v) => this.setFilter({ status: v as StatusFilter }),
        )}
        ${this.select(
          t('ops.filter.type'),
          this.filter.type,
          [
            ['', t('ops.filter.any_type')],
            ...ALERT_TYPE_CODES.map((c) => [c, t(`alert.type.${c}`)] as const),
          ],
          (v) => this.setFilter({ type: v as QueueFilter['type'] }),
        )}
        ${this.select(
          t('ops.filter.area'),
          this.filter.area,
          [
            ['', t('ops.filter.any_area')],
            ...this.city.areas.features
              .map((f) => [f.properties.id, f.properties.name] as [string, string])
              .sort((a, b) => a[1].localeCompare(b[1])),
          ],
          (v) => this.setFilter({ area: v }),
        )}
        ${rangePickers(range)}
      </div>
      ${rangeBar(range)}
      <div class="scroll">
        ${
          this.alerts.length
            ? html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t('ops.column.type')}</th>
                    <th scope="col">${t('ops.column.area')}</th>
                    <th scope="col">${t('ops.column.waiting')}</th>
                    <th scope="col">${t('ops.column.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.alerts.map((a) => this.row(a))}
                </tbody>
              </table>`
            : html`<div class="empty">
                ${
                  history
                    ? this.history?.loading
                      ? ''
                      : t('history.none')
                    : this.total
                      ? t('ops.queue.none_match')
                      : t('ops.queue.empty')
                }
              </div>`
        }
        ${pager(range)}
      </div>
    `;
  }

  private select(
    label: string,
    value: string,
    options: readonly (readonly [string, string])[],
    onChange: (v: string) => void,
  ) {
    return html`<select
      aria-label=${label}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
    >
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>`;
  }

  private row(a: ConsoleAlert) {
    const open = isOpenStatus(a.status);
    const waiting = a.status === 'received';
    const cls = [
      a.id === this.selected ? 'selected' : '',
      this.fresh.has(a.id) ? 'new' : '',
      waiting ? 'waiting' : '',
      open ? '' : 'closed',
    ].join(' ');
    const age = ageOf(a.receivedAt, this.now);
    const late = waiting && this.now - Date.parse(a.receivedAt ?? '') > 60_000;
    const looking = this.viewers.filter((v) => v.viewing === a.id);
    const falseAlarms = a.reporterFalseAlarms ?? 0;
    return html`<tr
      class=${cls}
      data-alert=${a.id}
      aria-current=${a.id === this.selected ? 'true' : nothing}
      @click=${() => this.emit('select', a.id)}
    >
      <td>
        <button
          class="open-btn"
          @click=${(e: Event) => (e.stopPropagation(), this.emit('select', a.id))}
        >
          <span class="swatch" style="background:${TYPE_COLOURS[a.type]}"></span
          >${t(`alert.type.${a.type}`)}
        </button>
        <div class="sub">
          ${alertType(a.type).silent ? html`<span class="silent">${t('alert.silent')}</span>` : nothing}
          ${heldChip(a)}
          ${
            falseAlarms >= REPEAT_FALSE_ALARMS
              ? html`<span class="warn">${t('ops.false_alarms', { count: falseAlarms })}</span>`
              : nothing
          }
          ${a.escalatedAt ? html`<span class="warn">${t('ops.escalated_short')}</span>` : nothing}
        </div>
      </td>
      <td>${this.areaName(a.areaId)}</td>
      <td class="age">
        <span class=${late ? 'late' : ''}>${open ? age : '—'}</span>
        <small>${a.receivedAt ? this.when(a.receivedAt) : ''}</small>
      </td>
      <td data-status=${a.status ?? ''}>
        <span class="pill st-${a.status}">${a.status ? t(statusKey(a)) : ''}</span>
        <div class="sub">
          ${a.assignedUnit && open ? html`<span>${this.unitLabel(a.assignedUnit)}</span>` : nothing}
          ${looking.map(
            (v) =>
              html`<span
                class="chip"
                title=${v.name}
                aria-label=${t('ops.viewing', { name: v.name })}
                >${initials(v.name)}</span
              >`,
          )}
        </div>
      </td>
    </tr>`;
  }

  /** The time for today's alerts; the date too for older ones (the history). */
  private when(iso: string): string {
    return this.now - Date.parse(iso) < 20 * 3600_000 ? formatTime(iso) : formatDateTime(iso);
  }

  private unitLabel(id: string): string {
    return this.units.find((u) => u.id === id)?.label ?? id;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-queue': AlertQueue;
  }
}
