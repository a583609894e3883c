import { html, css, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { ALERT_TYPE_CODES, alertType, isOpenStatus } from '../../../shared/catalogue.js';
import { REPEAT_FALSE_ALARMS, type OpsUnit } from '../../../shared/console.js';
import { formatTime, t } from '../../../shared/i18n/index.js';
import { OPEN_STATUSES, CLOSED_STATUSES, type CityInfo } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { ageOf, type ConsoleAlert, type QueueFilter, type StatusFilter } from './ops-data.js';
import { opsStyles } from './ops-styles.js';
import { initials, type Viewer } from './presence.js';

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
  static override styles = [
    base,
    opsStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      header {
        display: flex;
        align-items: baseline;
        gap: 10px;
        padding: 0 2px 8px;
      }
      h1 {
        margin: 0;
        font-size: 1.15rem;
      }
      .count {
        color: var(--muted);
        font-size: 0.9rem;
      }
      .filters {
        display: grid;
        grid-template-columns: 1fr 0.85fr 1.05fr 1.05fr;
        gap: 5px;
        margin-bottom: 8px;
      }
      .filters input,
      .filters select {
        min-width: 0;
        font-size: 0.8rem;
        padding: 5px 4px;
      }
      .scroll {
        overflow: auto;
        flex: 1;
        min-height: 0;
        border: 1px solid var(--line);
        border-radius: 10px;
        background: var(--paper);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.9rem;
        table-layout: fixed;
      }
      col.type {
        width: 41%;
      }
      col.area {
        width: 23%;
      }
      col.age {
        width: 13%;
      }
      th {
        position: sticky;
        top: 0;
        background: #efedf1;
        text-align: left;
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        padding: 6px 8px;
        z-index: 1;
      }
      td {
        padding: 6px 8px;
        border-top: 1px solid var(--line);
        vertical-align: middle;
      }
      tr {
        cursor: pointer;
      }
      tr:hover td {
        background: #f7f5f9;
      }
      tr.selected td {
        background: #e8f0fe;
      }
      tr.selected td:first-child {
        box-shadow: inset 4px 0 0 var(--info);
      }
      tr.waiting td:first-child {
        box-shadow: inset 4px 0 0 var(--red);
      }
      tr.new td {
        animation: flash 1s ease-in-out infinite alternate;
      }
      @media (prefers-reduced-motion: reduce) {
        tr.new td {
          animation: none;
          background: #ffe08a;
        }
      }
      @keyframes flash {
        to {
          background: #ffe08a;
        }
      }
      tr.closed {
        color: var(--muted);
      }
      .open-btn {
        all: unset;
        display: inline-flex;
        align-items: center;
        gap: 7px;
        font-weight: 700;
        cursor: pointer;
      }
      .open-btn:focus-visible {
        outline: 3px solid var(--info);
        outline-offset: 2px;
        border-radius: 4px;
      }
      .sub {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-top: 3px;
        font-size: 0.75rem;
      }
      .warn {
        color: var(--warn);
        font-weight: 600;
      }
      .age {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .age small {
        display: block;
        color: var(--muted);
      }
      .late {
        color: var(--red);
        font-weight: 700;
      }
      .sub .chip {
        width: 22px;
        height: 22px;
      }
      .empty {
        padding: 24px;
        text-align: center;
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: false }) alerts: ConsoleAlert[] = [];
  @property({ attribute: false }) total = 0;
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
    const open = this.alerts.filter((a) => isOpenStatus(a.status)).length;
    return html`
      <header>
        <h1>${t('ops.queue.title')}</h1>
        <span class="count">${t('ops.queue.count', { open })}</span>
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
      </div>
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
                ${this.total ? t('ops.queue.none_match') : t('ops.queue.empty')}
              </div>`
        }
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
          ${a.flagged ? html`<span class="warn">${t('ops.flagged_short')}</span>` : nothing}
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
        <small>${a.receivedAt ? formatTime(a.receivedAt) : ''}</small>
      </td>
      <td data-status=${a.status ?? ''}>
        <span class="pill st-${a.status}">${a.status ? t(`status.${a.status}`) : ''}</span>
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

  private unitLabel(id: string): string {
    return this.units.find((u) => u.id === id)?.label ?? id;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-queue': AlertQueue;
  }
}
