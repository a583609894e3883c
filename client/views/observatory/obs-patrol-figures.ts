import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing, svg } from 'lit';
import type { DosageResult, VisitCount } from '../../../shared/observatory-evaluation.js';
import { formatNumber } from './obs-figure.js';

/** The dosage's figures, drawn from `DosageResult`; the server computes, this only draws. */

const pct = (x: number | null, digits = 0) =>
  x === null ? '—' : `${formatNumber(100 * x, digits)} %`;

/** A table of planned versus done with a bar for the share (the number is in the cell too). */
export function visitsTable(
  caption: string,
  head: string,
  rows: (VisitCount & { key: string; label: string })[],
  /** unit labels are short and read badly broken; shift names may wrap on a phone */
  wrap = true,
) {
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${caption}>
    <table class=${wrap ? 'visits' : 'visits nowrap'}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${head}</th>
          <th scope="col" class="num">${tObs('obs.patrol.planned')}</th>
          <th scope="col" class="num">${tObs('obs.patrol.done')}</th>
          <th scope="col">${tObs('obs.patrol.share')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-row=${r.key}>
              <th scope="row">${r.label}</th>
              <td class="num">${formatNumber(r.planned)}</td>
              <td class="num">${formatNumber(r.done)}</td>
              <td class="share">
                <span class="bar" aria-hidden="true"
                  ><span style=${`width:${Math.round(100 * (r.share ?? 0))}%`}></span></span
                ><span class="pct">${pct(r.share)}</span>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function doneSentence(r: DosageResult): string {
  return tObs('obs.patrol.done.sentence', {
    done: formatNumber(r.total.done),
    planned: formatNumber(r.total.planned),
    share: pct(r.total.share),
    unplanned: formatNumber(r.unplannedStays),
  });
}

export function dwellSentence(r: DosageResult): string {
  const d = r.dwell;
  return tObs('obs.patrol.dwell.sentence', {
    stays: formatNumber(d.stays),
    share: pct(d.share),
    min: r.band.min,
    max: r.band.max,
    low: pct(d.interval?.low ?? null),
    high: pct(d.interval?.high ?? null),
    median: d.median === null ? '—' : formatNumber(d.median, 1),
    planned: r.band.planned,
  });
}

const W = 640;
const H = 200;
const PAD = { left: 40, right: 8, top: 12, bottom: 28 };

/**
 * The dwell histogram as SVG: 2-minute bars, the recommended band shaded behind them, the
 * plan's minutes as a dashed line. `role="img"` with a label; the values are in the table
 * beside it for screen readers and for copying.
 */
export function dwellChart(r: DosageResult) {
  const bins = r.dwell.histogram;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const span = bins.length * 2; // minutes across, the last bin drawn 2 minutes wide
  const x = (m: number) => PAD.left + ((W - PAD.left - PAD.right) * m) / span;
  const y = (c: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * c) / max;
  const label = tObs('obs.patrol.dwell.chart', {
    min: r.band.min,
    max: r.band.max,
    planned: r.band.planned,
  });
  return html`<figure class="dwell">
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
        ${svg`<rect class="band" x=${x(r.band.min)} y=${PAD.top} width=${x(r.band.max) - x(r.band.min)}
        height=${H - PAD.top - PAD.bottom}></rect>`}
        ${bins.map(
          (b) =>
            svg`<rect class=${b.from >= r.band.min && b.from < r.band.max ? 'in' : 'out'}
            x=${x(b.from) + 1} y=${y(b.count)} width=${x(2) - x(0) - 2}
            height=${H - PAD.bottom - y(b.count)}></rect>`,
        )}
        ${svg`<line class="plan" x1=${x(r.band.planned)} x2=${x(r.band.planned)} y1=${PAD.top - 4}
        y2=${H - PAD.bottom}></line>`}
        ${[0, 10, 14, 16, 20, 30].map(
          (m) =>
            svg`<text class="tick" x=${x(m)} y=${H - 8} text-anchor="middle">${m === 30 ? '30+' : m}</text>`,
        )}
        ${svg`<line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${H - PAD.bottom} y2=${H - PAD.bottom}></line>
        <text class="tick" x=${PAD.left - 6} y=${PAD.top + 8} text-anchor="end">${formatNumber(max)}</text>`}
      </svg>
      <figcaption class="legend small">
        <span
          ><span class="swatch band" aria-hidden="true"></span>${tObs('obs.patrol.dwell.band', {
            min: r.band.min,
            max: r.band.max,
          })}</span
        >
        <span
          ><span class="swatch plan" aria-hidden="true"></span>${tObs('obs.patrol.dwell.plan', {
            planned: r.band.planned,
          })}</span
        >
      </figcaption>
    </figure>
    <details class="small">
      <summary>${tObs('obs.patrol.dwell.table')}</summary>
      <table class="bins">
        <thead>
          <tr>
            <th scope="col">${tObs('obs.patrol.dwell.bin')}</th>
            <th scope="col" class="num">${tObs('obs.patrol.dwell.count')}</th>
          </tr>
        </thead>
        <tbody>
          ${bins.map(
            (b) =>
              html`<tr>
                <th scope="row">
                  ${b.to === null ? tObs('obs.patrol.dwell.more', { from: b.from }) : `${b.from}–${b.to}`}
                </th>
                <td class="num">${formatNumber(b.count)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
    ${
      r.dwell.unclosed
        ? html`<p class="muted small">
            ${tObs('obs.patrol.dwell.unclosed', { count: formatNumber(r.dwell.unclosed) })}
          </p>`
        : nothing
    }`;
}

/** A ratio from JSON: an infinite bound arrives as null (JSON has no Infinity). */
const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? '∞' : formatNumber(v, 2));

const per1000 = (rate: number | null) => (rate === null ? '—' : formatNumber(rate * 1000, 2));

/** The residual-deterrence curve as a table: during, each bin after, the other times. */
export function residualTable(r: DosageResult) {
  const c = r.residual;
  const row = (
    label: string,
    cell: { incidents: number; hours: number; rate: number | null },
    ratio: string,
  ) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td class="num">${formatNumber(cell.incidents)}</td>
      <td class="num">${formatNumber(cell.hours)}</td>
      <td class="num">${per1000(cell.rate)}</td>
      <td class="num">${ratio}</td>
    </tr>`;
  return html`<div
    class="scroll"
    tabindex="0"
    role="region"
    aria-label=${tObs('obs.patrol.residual.table')}
  >
    <table class="residual">
      <thead>
        <tr>
          <th scope="col">${tObs('obs.patrol.residual.when')}</th>
          <th scope="col" class="num">${tObs('obs.patrol.residual.incidents')}</th>
          <th scope="col" class="num">${tObs('obs.patrol.residual.hours')}</th>
          <th scope="col" class="num">${tObs('obs.patrol.residual.rate')}</th>
          <th scope="col" class="num">${tObs('obs.patrol.residual.ratio')}</th>
        </tr>
      </thead>
      <tbody>
        ${row(tObs('obs.patrol.residual.during'), c.during, '')}
        ${c.bins.map((b) =>
          row(
            tObs('obs.patrol.residual.bin', { from: b.fromMinute, to: b.toMinute }),
            b,
            b.ratio
              ? `${finite(b.ratio.ratio)} (${finite(b.ratio.low)}–${finite(b.ratio.high)})`
              : '—',
          ),
        )}
        ${row(tObs('obs.patrol.residual.other'), c.other, '1')}
      </tbody>
    </table>
  </div>`;
}
