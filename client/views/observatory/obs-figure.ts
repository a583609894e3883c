import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing, type TemplateResult } from 'lit';
import { getLang } from '../../../shared/i18n/core.js';
import type { FigureMeta } from '../../../shared/observatory.js';
import type { EvaluationMeta } from '../../../shared/observatory-evaluation.js';
import type { ReportMeta } from '../../../shared/observatory-reports.js';
import { ApiFailure } from '../../data/api.js';

/** What every figure shares: its loading state, its printed meta, its export links. */

export type Loadable<T> =
  { state: 'loading' } | { state: 'error'; forbidden: boolean } | { state: 'ok'; data: T };

export const LOADING = { state: 'loading' } as const;

/** Runs a request into a `Loadable`, reporting only the answer to the latest request. */
export function load<T>(
  request: () => Promise<T>,
  set: (value: Loadable<T>) => void,
  isCurrent: () => boolean,
): void {
  set(LOADING);
  request().then(
    (data) => isCurrent() && set({ state: 'ok', data }),
    (e: unknown) =>
      isCurrent() &&
      set({ state: 'error', forbidden: e instanceof ApiFailure && e.status === 403 }),
  );
}

/** The figure's body, or what stands in for it: loading, an error with a retry, an empty period. */
export function figure<T extends { meta: FigureMeta }>(
  value: Loadable<T>,
  retry: () => void,
  body: (data: T) => TemplateResult,
  /** false where n = 0 is no empty period (silent counts: n sums only what is shown) */
  emptyWhenZero = true,
): TemplateResult {
  if (value.state === 'loading')
    return html`<p class="state" role="status">${tObs('obs.loading')}</p>`;
  if (value.state === 'error') {
    return html`<div class="state error" role="alert">
      <p>${tObs(value.forbidden ? 'obs.forbidden' : 'obs.error')}</p>
      ${value.forbidden ? nothing : html`<button @click=${retry}>${tObs('obs.retry')}</button>`}
    </div>`;
  }
  if (emptyWhenZero && value.data.meta.n === 0) {
    return html`<p class="state empty">${tObs('obs.empty')}</p>
      ${metaLine(value.data.meta)}`;
  }
  return body(value.data);
}

const locale = () => (getLang() === 'es' ? 'es-AR' : 'en-GB');

/** A local calendar day (YYYY-MM-DD) as the reader writes dates. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

/** Source, period, n and method, printed under every figure. */
export function metaLine(
  meta: FigureMeta | EvaluationMeta | ReportMeta,
  methodParams: Record<string, string | number> = {},
): TemplateResult {
  const sources = meta.sources.map((s) => tObs(`obs.source.${s}`)).join(', ');
  return html`<p class="meta">
    <span><strong>${tObs('obs.meta.source')}:</strong> ${sources || '—'}</span>
    <span
      ><strong>${tObs('obs.meta.period')}:</strong> ${formatDay(meta.from)} –
      ${formatDay(meta.to)}</span
    >
    <span><strong>n</strong> = ${formatNumber(meta.n)}</span>
    <span class="method"
      ><strong>${tObs('obs.meta.method')}:</strong>
      ${tObs(`obs.method.${meta.method}`, methodParams)}</span
    >
    ${
      meta.suppressedBelow > 0
        ? html`<span>${tObs('obs.meta.suppressed', { min: meta.suppressedBelow })}</span>`
        : nothing
    }
  </p>`;
}

/** Download links for a figure: each a plain link the session cookie authorises. */
export function exportLinks(what: string, links: { format: string; href: string }[]) {
  return html`<div class="exports">
    ${links.map(
      (l) =>
        html`<a
          class="export"
          href=${l.href}
          download
          aria-label=${tObs('obs.export.label', { what, format: l.format })}
          >${tObs('obs.export', { format: l.format })}</a
        >`,
    )}
  </div>`;
}

/** "1 celda" / "12 celdas" beside a legend's swatch. */
export function cellCount(count: number): string {
  return count === 1
    ? tObs('obs.legend.count_one')
    : tObs('obs.legend.count', { count: formatNumber(count) });
}
