import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang } from '../../../shared/i18n/core.js';
import { css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type uPlot from 'uplot';
import { SacElement } from '../../components/sac-element.js';
import type { TrendPoint, TrendResult } from '../../../shared/observatory.js';
import { base } from '../../styles.js';
import { formatDay, formatNumber } from './obs-figure.js';
import { segStyles } from './obs-styles.js';

type UPlotCtor = typeof uPlot;
let library: Promise<{ UPlot: UPlotCtor; sheet: string }> | null = null;

/** uPlot and its stylesheet, fetched with the first chart (never in the resident's load). */
function loadChart() {
  library ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css?inline')]).then(
    ([m, s]) => ({ UPlot: m.default, sheet: s.default }),
  );
  library.catch(() => (library = null));
  return library;
}

/** The x axis in the reader's language (uPlot's own month names are English). */
function axisDates(splits: number[]): string[] {
  const lang = getLang() === 'es' ? 'es-AR' : 'en-GB';
  const month = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const months = splits.map((s) => new Date(s * 1000).getUTCMonth());
  // Month ticks read "ene", weekly ticks inside one month read "12 ene"; January adds its year.
  const monthly = new Set(months).size === months.length;
  return splits.map((s, i) => {
    const d = new Date(s * 1000);
    const label = monthly ? month.format(d) : day.format(d);
    return i === 0 || d.getUTCMonth() === 0 ? `${label}\n${d.getUTCFullYear()}` : label;
  });
}

const COUNT = '#b2182b';
const LAST_YEAR = '#5f5b66';

const percent = (ratio: number) => {
  const p = (ratio - 1) * 100;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${formatNumber(Math.abs(p))} %`;
};

/** The period against the same dates a year earlier, in one sentence. */
export function changeSentence(r: TrendResult): string {
  const c = r.change;
  if (c.lastYear === null || c.ratio === null)
    return tObs('obs.trends.no_last_year', { current: formatNumber(c.current) });
  const sentence = tObs('obs.trends.change', {
    current: formatNumber(c.current),
    last: formatNumber(c.lastYear),
    change: percent(c.ratio),
    low: c.low === null ? '—' : percent(c.low),
    high: c.high === null ? '—' : percent(c.high),
  });
  if (!c.excluded?.length) return sentence;
  const excluded = tObs('obs.trends.excluded', {
    sources: c.excluded.map((x) => tObs(`obs.source.${x.source}`)).join(', '),
    since: c.excluded.map((x) => formatDay(x.since)).join(', '),
  });
  return `${sentence} ${excluded}`;
}

/**
 * Weekly or monthly counts as a line with its 95 % band and last year's line (dashed), drawn
 * by uPlot on a canvas named for screen readers, with the same figures in a table beside it.
 */
@customElement('sac-obs-trends')
export class ObsTrends extends SacElement {
  static override styles = [
    base,
    segStyles,
    css`
      :host {
        display: block;
      }
      .chart {
        min-height: 240px;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 14px;
        font-size: 0.85rem;
        margin: 4px 0;
      }
      .key i {
        display: inline-block;
        width: 18px;
        height: 0;
        border-top: 3px solid;
        margin-right: 6px;
        vertical-align: middle;
      }
      .key i.band {
        height: 10px;
        border: 0;
        background: rgba(178, 24, 43, 0.18);
      }
      table {
        border-collapse: collapse;
        font-size: 0.85rem;
      }
      th,
      td {
        padding: 3px 10px;
        border-bottom: 1px solid var(--line);
        text-align: right;
      }
      th:first-child {
        text-align: left;
      }
      details {
        margin-top: 8px;
      }
      .scroll {
        max-height: 320px;
        overflow: auto;
      }
    `,
  ];

  @property({ attribute: false }) data!: TrendResult;
  @state() private step: 'weekly' | 'monthly' = 'weekly';
  @query('.chart') private box!: HTMLDivElement;
  private plot: uPlot | null = null;
  private resize: ResizeObserver | null = null;
  private styled = false;
  private drawnLang: string | null = null;

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.resize = null;
    this.plot?.destroy();
    this.plot = null;
    super.disconnectedCallback();
  }

  override updated(changed: PropertyValues): void {
    // The axis's month names are drawn on the canvas: a change of language redraws it.
    if (changed.has('data') || changed.has('step') || this.drawnLang !== getLang())
      void this.draw();
  }

  private get points(): TrendPoint[] {
    return this.step === 'weekly' ? this.data.weekly : this.data.monthly;
  }

  private async draw(): Promise<void> {
    const loaded = await loadChart().catch(() => null);
    if (!loaded || !this.isConnected) return;
    if (!this.styled) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(unsafeCSS(loaded.sheet).cssText);
      const root = this.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.styled = true;
    }
    this.drawnLang = getLang();
    const pts = this.points;
    const x = pts.map((p) => Date.parse(`${p.start}T12:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [
      x,
      pts.map((p) => p.count),
      pts.map((p) => p.low),
      pts.map((p) => p.high),
      pts.map((p) => p.lastYear),
    ];
    this.plot?.destroy();
    const width = Math.max(280, this.box.clientWidth);
    this.plot = new loaded.UPlot(
      {
        width,
        height: 240,
        legend: { show: false },
        cursor: { show: true, points: { show: false } },
        scales: {
          x: { time: true },
          y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.05)] },
        },
        axes: [{ values: (_u, splits) => axisDates(splits) }, { size: 44 }],
        series: [
          {},
          { label: tObs('obs.trends.count'), stroke: COUNT, width: 2 },
          { label: tObs('obs.trends.band'), stroke: 'transparent' },
          { label: tObs('obs.trends.band'), stroke: 'transparent' },
          { label: tObs('obs.trends.last_year'), stroke: LAST_YEAR, width: 1.5, dash: [6, 4] },
        ],
        bands: [{ series: [3, 2], fill: 'rgba(178, 24, 43, 0.18)' }],
      },
      data,
      this.box,
    );
    this.resize ??= new ResizeObserver(() => {
      const w = Math.max(280, this.box.clientWidth);
      if (this.plot && Math.abs(this.plot.width - w) > 4)
        this.plot.setSize({ width: w, height: 240 });
    });
    this.resize.observe(this.box);
  }

  override render() {
    const stepLabel = tObs(`obs.trends.${this.step}`);
    return html`<div class="key" aria-hidden="true">
        <span><i style="border-color:${COUNT}"></i>${tObs('obs.trends.count')}</span>
        <span><i class="band"></i>${tObs('obs.trends.band')}</span>
        <span
          ><i style="border-color:${LAST_YEAR};border-top-style:dashed"></i
          >${tObs('obs.trends.last_year')}</span
        >
      </div>
      <div role="group" aria-label=${tObs('obs.trends.step')} class="seg">
        ${(['weekly', 'monthly'] as const).map(
          (s) =>
            html`<button
              aria-pressed=${this.step === s ? 'true' : 'false'}
              @click=${() => (this.step = s)}
            >
              ${tObs(`obs.trends.${s}`)}
            </button>`,
        )}
      </div>
      <div
        class="chart"
        role="img"
        aria-label=${tObs('obs.trends.chart', { step: stepLabel.toLowerCase() })}
      ></div>
      <details>
        <summary>${tObs('obs.trends.table')}</summary>
        <div class="scroll" tabindex="0" role="region" aria-label=${tObs('obs.trends.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">${tObs('obs.trends.start')}</th>
                <th scope="col">${tObs('obs.trends.count')}</th>
                <th scope="col">${tObs('obs.trends.band')}</th>
                <th scope="col">${tObs('obs.trends.last_year')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.points.map(
                (p) =>
                  html`<tr>
                    <th scope="row">${formatDay(p.start)}</th>
                    <td>${formatNumber(p.count)}</td>
                    <td>${formatNumber(p.low, 1)}–${formatNumber(p.high, 1)}</td>
                    <td>${p.lastYear === null ? '—' : formatNumber(p.lastYear)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-trends': ObsTrends;
  }
}
