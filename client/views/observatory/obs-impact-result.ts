import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing } from 'lit';
import type {
  BeforeAfter,
  EvaluationResult,
  WddPart,
} from '../../../shared/observatory-evaluation.js';
import { formatDay, formatNumber, metaLine, type Loadable } from './obs-figure.js';
import { setLabel, type SetName } from './obs-impact-map.js';

const DAY_MS = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** "+12" / "−7", with the proper minus sign. */
const signed = (x: number, digits = 0) =>
  `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatNumber(Math.abs(x), digits)}`;

function change(c: BeforeAfter): string {
  const diff = signed(c.after - c.before);
  if (c.before === 0) return diff;
  return `${diff} (${signed(((c.after - c.before) / c.before) * 100)} %)`;
}

function row(name: SetName, r: EvaluationResult, cells: number, c: BeforeAfter) {
  const how = name === 'control' ? ` (${tObs(`obs.impact.how.${r.control.how}`)})` : '';
  return html`<tr data-set=${name}>
    <th scope="row">${setLabel(name, r)}${how}</th>
    <td>${formatNumber(cells)}</td>
    <td>${formatNumber(c.before)}</td>
    <td>${formatNumber(c.after)}</td>
    <td>${change(c)}</td>
  </tr>`;
}

/** The four counts, before and after, with each set's cells and change. */
export function countsTable(r: EvaluationResult) {
  // Focusable: on a phone the table scrolls sideways, and a keyboard must reach it too.
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${tObs('obs.impact.table')}>
    <table class="impact">
      <caption>
        ${tObs('obs.impact.table')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tObs('obs.impact.col.set')}</th>
          <th scope="col">${tObs('obs.impact.col.cells')}</th>
          <th scope="col">
            ${tObs('obs.impact.col.before')}<br /><span class="muted small"
              >${formatDay(r.before.from)} – ${formatDay(r.before.to)}</span
            >
          </th>
          <th scope="col">
            ${tObs('obs.impact.col.after')}<br /><span class="muted small"
              >${formatDay(r.after.from)} – ${formatDay(r.after.to)}</span
            >
          </th>
          <th scope="col">${tObs('obs.impact.col.change')}</th>
        </tr>
      </thead>
      <tbody>
        ${row('treated', r, r.treated.cells.length, r.treated.counts)}
        ${row('buffer', r, r.buffer.cells.length, r.buffer.counts)}
        ${row('control', r, r.control.cells.length, r.control.counts)}
        ${
          r.bufferControl
            ? row('bufferControl', r, r.bufferControl.cells.length, r.bufferControl.counts)
            : nothing
        }
      </tbody>
    </table>
  </div>`;
}

function wddLine(p: WddPart): string {
  if (p.z === null) return tObs('obs.impact.wdd.no_test');
  return tObs('obs.impact.wdd.line', {
    estimate: signed(p.estimate, Number.isInteger(p.estimate) ? 0 : 1),
    z: signed(p.z, 2),
    low: signed(p.low, 1),
    high: signed(p.high, 1),
  });
}

/** The WDD's three read-outs in words, then the WDQ's, then the warnings. */
export function verdict(r: EvaluationResult) {
  const parts = [
    ['local', r.wdd.local],
    ['buffer', r.wdd.buffer],
    ['total', r.wdd.total],
  ] as const;
  const q = r.wdq;
  return html`<section class="verdict" aria-labelledby="impact-verdict" data-verdict>
    <h3 id="impact-verdict">${tObs('obs.impact.verdict')}</h3>
    <dl>
      ${parts.map(
        ([key, p]) =>
          html`<div data-part=${key} data-reading=${p.reading}>
            <dt>${tObs(`obs.impact.${key}`)}</dt>
            <dd>
              <strong class="reading ${p.reading}"
                >${tObs(`obs.impact.reading.${p.reading}`)}</strong
              >
              — ${wddLine(p)}
            </dd>
          </div>`,
      )}
    </dl>
    <p class="small muted">${tObs('obs.impact.wdd.note')}</p>
    <h3>${tObs('obs.impact.wdq')}</h3>
    <p data-wdq=${q.reading}>
      <strong>${tObs(`obs.impact.wdq.${q.reading}`)}</strong>
      ${
        q.wdq !== null && q.totalNetEffect !== null
          ? tObs('obs.impact.wdq.value', {
              wdq: formatNumber(q.wdq, 2),
              net: formatNumber(q.totalNetEffect, 1),
            })
          : nothing
      }
    </p>
  </section>`;
}

export function warnings(r: EvaluationResult) {
  if (r.warnings.length === 0) return nothing;
  return html`<div class="warnings" role="note" data-warnings>
    <ul>
      ${r.warnings.map((w) => html`<li data-warning=${w}>${tObs(`obs.impact.warning.${w}`)}</li>`)}
    </ul>
  </div>`;
}

export function periodsLine(r: EvaluationResult) {
  return html`<p class="small" data-periods>
    ${tObs('obs.impact.periods', {
      bfrom: formatDay(r.before.from),
      bto: formatDay(r.before.to),
      afrom: formatDay(r.after.from),
      ato: formatDay(r.after.to),
      days: formatNumber(days(r.after.from, r.after.to)),
    })}
  </p>`;
}

export function resultBody(r: EvaluationResult) {
  return html`${periodsLine(r)} ${warnings(r)} ${verdict(r)} ${countsTable(r)} ${metaLine(r.meta)}`;
}

/** Loading, an error with a retry, or the answer (as obs-figure's `figure`, for this meta). */
export function resultState(value: Loadable<EvaluationResult>, retry: () => void) {
  if (value.state === 'loading')
    return html`<p class="state" role="status">${tObs('obs.loading')}</p>`;
  if (value.state === 'error')
    return html`<div class="state error" role="alert">
      <p>${tObs(value.forbidden ? 'obs.forbidden' : 'obs.error')}</p>
      ${value.forbidden ? nothing : html`<button @click=${retry}>${tObs('obs.retry')}</button>`}
    </div>`;
  return resultBody(value.data);
}
