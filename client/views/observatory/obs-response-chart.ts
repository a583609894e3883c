import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { svg, html } from 'lit';
import type { ResponseResult } from '../../../shared/observatory-evaluation.js';
import { getLang } from '../../../shared/i18n/core.js';
import { formatNumber } from './obs-figure.js';

const W = 480;
const H = 180;
const PAD = { left: 34, right: 10, top: 10, bottom: 26 };
const MEDIAN = '#b2182b';
const TARGET = '#1a7f37';

/**
 * The weekly median of received → on scene (resolved alerts) as a line, with the target as a
 * dashed line: the programme's start reads as the step down. A plain SVG named for screen
 * readers; the same figures are in the table when grouped by week.
 */
export function weeklyChart(r: ResponseResult) {
  const weeks = r.groups
    .map((g) => ({ key: g.key, s: g.summary.resolved.fromReceived.on_scene }))
    .filter((w) => w.s.median !== null);
  if (weeks.length < 2) return html``;
  const values = weeks.map((w) => w.s.median! / 60);
  const top = Math.max(r.targetMinutes * 1.5, ...values) * 1.08;
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (weeks.length - 1);
  const y = (m: number) => PAD.top + (1 - m / top) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 5, 10, 15, 20, 25, 30, 40, 50, 60].filter((t) => t <= top);
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 5));
  const month = new Intl.DateTimeFormat(getLang() === 'es' ? 'es-AR' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const label = (key: string) => month.format(new Date(`${key}T00:00:00Z`));
  const anchor = (i: number) =>
    i === 0 ? 'start' : i >= weeks.length - labelEvery ? 'end' : 'middle';
  return html`<figure class="weekly">
    <figcaption class="small">${tObs('obs.response.weekly')}</figcaption>
    <svg
      viewBox="0 0 ${W} ${H}"
      role="img"
      aria-label=${tObs('obs.response.weekly_label', { target: r.targetMinutes })}
    >
      ${ticks.map(
        (t) =>
          svg`<line x1=${PAD.left} x2=${W - PAD.right} y1=${y(t)} y2=${y(t)} stroke="#ddd" />
            <text x=${PAD.left - 4} y=${y(t) + 4} text-anchor="end" font-size="11" fill="#555">${t}</text>`,
      )}
      <line
        x1=${PAD.left}
        x2=${W - PAD.right}
        y1=${y(r.targetMinutes)}
        y2=${y(r.targetMinutes)}
        stroke=${TARGET}
        stroke-width="2"
        stroke-dasharray="6 4"
      />
      <polyline points=${line} fill="none" stroke=${MEDIAN} stroke-width="2.5" />
      ${weeks.map((w, i) =>
        i % labelEvery === 0
          ? svg`<text x=${x(i)} y=${H - 8} text-anchor=${anchor(i)} font-size="11" fill="#555">${label(w.key)}</text>`
          : svg``,
      )}
    </svg>
    <p class="key small">
      <span><i style="border-color:${MEDIAN}"></i>${tObs('obs.response.chart_median')}</span>
      <span
        ><i style="border-color:${TARGET};border-top-style:dashed"></i>${tObs(
          'obs.response.chart_target',
        )}
        ${formatNumber(r.targetMinutes)} min</span
      >
    </p>
  </figure>`;
}
