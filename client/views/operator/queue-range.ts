import { css, html, nothing } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import { inHistory, type QueueFilter } from './ops-data.js';

/** What the queue shows of the history it was given (operator-home's `QueueHistory`). */
export interface HistoryInfo {
  total: number;
  offset: number;
  limit: number;
  loading: boolean;
  failed: boolean;
}

export interface RangeInput {
  filter: QueueFilter;
  history: HistoryInfo | null;
  /** today in the city's calendar, the latest day the pickers offer */
  today: string;
  set(patch: Partial<QueueFilter>): void;
  page(offset: number): void;
}

/** A YYYY-MM-DD day as the console writes dates (dd/mm/yyyy in both languages). */
const dayText = (d: string) => d.split('-').reverse().join('/');

/** The two day pickers: either one set turns the queue into the history of those days. */
export function rangePickers(r: RangeInput) {
  const pick = (key: 'from' | 'to', label: string) =>
    html`<label class="day"
      ><span>${label}</span
      ><input
        type="date"
        name=${key}
        max=${r.today}
        .value=${r.filter[key]}
        @change=${(e: Event) => r.set({ [key]: (e.target as HTMLInputElement).value })}
    /></label>`;
  return html`${pick('from', t('history.from'))}${pick('to', t('history.to'))}`;
}

function rangeText(f: QueueFilter): string {
  if (f.from && f.to)
    return f.from === f.to
      ? t('history.on_day', { day: dayText(f.from) })
      : t('history.range', { from: dayText(f.from), to: dayText(f.to) });
  if (f.from) return t('history.since', { from: dayText(f.from) });
  if (f.to) return t('history.until', { to: dayText(f.to) });
  return t('history.all_time');
}

/**
 * Under the filters: in the history, what is shown and the way back to the live queue; in the
 * live queue, the way into the history (everything, or the words typed).
 */
export function rangeBar(r: RangeInput) {
  const f = r.filter;
  if (!inHistory(f) || !r.history) {
    const text = f.text.trim();
    return html`<div class="range">
      <button class="link" data-history @click=${() => r.set({ history: true })}>
        ${text ? t('history.search_all', { text }) : t('history.browse')}
      </button>
    </div>`;
  }
  const h = r.history;
  return html`<div class="range in-history" role="status">
    <span
      >${
        h.loading
          ? t('history.loading')
          : h.failed
            ? t('history.failed')
            : html`<strong>${t('history.found', { count: h.total })}</strong> ${rangeText(f)}`
      }</span
    >
    ${f.text.trim() ? html`<span class="muted small">${t('history.silent_rule')}</span>` : nothing}
    <button
      class="link"
      data-live
      @click=${() => r.set({ history: false, from: '', to: '', status: 'open' })}
    >
      ${t('history.live')}
    </button>
  </div>`;
}

/** Newer and older pages of the history, with where this one sits. */
export function pager(r: RangeInput) {
  const h = r.history;
  if (!h || !inHistory(r.filter) || h.total <= h.limit) return nothing;
  const last = Math.min(h.total, h.offset + h.limit);
  return html`<nav class="pager" aria-label=${t('history.pages')}>
    <button ?disabled=${h.offset === 0} @click=${() => r.page(Math.max(0, h.offset - h.limit))}>
      ${t('history.newer')}
    </button>
    <span>${t('history.page', { first: h.offset + 1, last, total: h.total })}</span>
    <button ?disabled=${last >= h.total} @click=${() => r.page(h.offset + h.limit)}>
      ${t('history.older')}
    </button>
  </nav>`;
}

export const rangeStyles = css`
  label.day {
    grid-column: span 2;
    display: flex;
    align-items: center;
    gap: 4px;
    font-size: 0.8rem;
    color: var(--muted);
    min-width: 0;
  }
  label.day input {
    flex: 1;
    min-width: 0;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
    margin: -2px 0 8px;
    font-size: 0.85rem;
  }
  .range.in-history {
    background: #eef3fb;
    border: 1px solid #c9d6ea;
    border-radius: 6px;
    padding: 6px 8px;
  }
  button.link {
    background: none;
    border: none;
    padding: 2px 0;
    color: var(--info);
    text-decoration: underline;
    cursor: pointer;
    font-size: 0.85rem;
    min-height: 0;
  }
  /* a narrow queue (a phone): two filters a row, one day picker each */
  @media (max-width: 600px) {
    .filters {
      grid-template-columns: 1fr 1fr;
    }
    label.day {
      grid-column: span 1;
    }
  }
  .pager {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
    padding: 8px 2px 2px;
    font-size: 0.85rem;
  }
`;
