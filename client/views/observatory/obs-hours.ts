import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing } from 'lit';
import type { HourWeekResult, HourWeekTable } from '../../../shared/observatory.js';
import { formatDay, formatNumber } from './obs-figure.js';

/**
 * A single-hue ramp (light orange to dark red): ordered, and read the same by colour-blind
 * eyes. The two darkest steps carry white text at 4.5:1 or more; the others, dark text.
 */
const HEAT = ['#fff7ec', '#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#b30000', '#7f0000'];
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The hours with no planned visit on any weekday, as ranges: "03:00–07:00". */
export function uncoveredRanges(planned: boolean[][]): string {
  const open = HOURS.map((h) => WEEKDAYS.every((d) => !planned[d]?.[h]));
  const ranges: string[] = [];
  for (let h = 0; h < 24; h++) {
    if (!open[h] || (h > 0 && open[h - 1])) continue;
    let end = h;
    while (end < 24 && open[end]) end++;
    ranges.push(`${hh(h)}–${hh(end % 24)}`);
  }
  return ranges.join(', ');
}

const sum = (table: HourWeekTable, pick: (d: number, h: number) => boolean) => {
  let total = 0;
  for (const d of WEEKDAYS) for (const h of HOURS) if (pick(d, h)) total += table[d]?.[h] ?? 0;
  return total;
};

function heat(count: number | null, max: number): string {
  if (count === null || max <= 0 || count <= 0) return '';
  const step = Math.min(HEAT.length - 1, Math.ceil((count / max) * (HEAT.length - 1)));
  const dark = step >= 5;
  return `background:${HEAT[step]};${dark ? 'color:#fff' : ''}`;
}

function change(now: number | null, before: number | null) {
  if (now === null || before === null) return '';
  const diff = now - before;
  return diff === 0 ? '=' : diff > 0 ? `↑${diff}` : `↓${-diff}`;
}

/** The coverage gap in one sentence, the figure the fixed-point programme is judged by. */
export function gapSentence(r: HourWeekResult): string {
  const ranges = uncoveredRanges(r.coverage.planned);
  if (!r.coverage.uncovered || !ranges) return tObs('obs.hours.gap_none');
  const share = r.meta.n ? (100 * r.coverage.uncovered) / r.meta.n : 0;
  return tObs('obs.hours.gap', {
    share: formatNumber(share),
    hours: ranges,
    uncovered: formatNumber(r.coverage.uncovered),
    n: formatNumber(r.meta.n),
  });
}

/**
 * The hour × weekday table: hours down (24 rows read well on a phone too), weekdays across
 * from Monday, each cell the count with the previous period's and the change under it.
 * Hours with no planned fixed-point visit are hatched and named in the row header.
 */
export function hoursTable(r: HourWeekResult) {
  const { counts, previous, coverage } = r;
  const max = Math.max(0, ...counts.flat().map((c) => c ?? 0));
  const min = r.meta.suppressedBelow;
  // Where hours are suppressed (the public page) a row's total would count only the shown
  // hours and the share of the gap would mix hidden and shown counts: both are left out.
  const whole = min === 0;
  // Where the records do not reach back to the previous period's first day, a "before 0"
  // everywhere would read as a fall: the note under the table says why there is none.
  const compare = previous.complete ?? previous.n > 0;
  const cell = (now: number | null, before: number | null) =>
    html`<span class="now">${now === null ? `< ${min}` : now}</span>${
        compare
          ? html`<span class="before"
              >${tObs('obs.hours.previous', { count: before === null ? `< ${min}` : before })}
              ${change(now, before)}</span
            >`
          : nothing
      }`;
  return html`${whole ? html`<p class="gap" data-gap>${gapSentence(r)}</p>` : nothing}
    <p class="muted small">${tObs(compare ? 'obs.hours.caption' : 'obs.hours.caption_alone')}</p>
    <div class="scroll" tabindex="0" role="region" aria-label=${tObs('obs.hours.table')}>
      <table class="hours">
        <caption class="visually-hidden">
          ${tObs('obs.hours.table')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${tObs('obs.hours.hour')}</th>
            ${WEEKDAYS.map((d) => {
              const name = tObs(`obs.weekday.${d}`);
              // a phone shows "Lun"/"Mon": seven columns fit beside the hours
              return html`<th scope="col">
                <span class="long">${name}</span><span class="short">${name.slice(0, 3)}</span>
              </th>`;
            })}
            ${whole ? html`<th scope="col">${tObs('obs.hours.total')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${HOURS.map((h) => {
            const bare = WEEKDAYS.every((d) => !coverage.planned[d]?.[h]);
            return html`<tr class=${bare ? 'uncovered' : ''}>
              <th scope="row">
                ${hh(h)}${
                  bare
                    ? html`<span class="gap-mark">${tObs('obs.hours.uncovered')}</span>`
                    : nothing
                }
              </th>
              ${WEEKDAYS.map((d) => {
                const now = counts[d]?.[h] ?? null;
                const gap = !coverage.planned[d]?.[h];
                return html`<td
                  class=${gap ? 'nofp' : ''}
                  style=${heat(now, max)}
                  title=${gap ? tObs('obs.hours.uncovered_mark') : ''}
                >
                  ${cell(now, previous.counts[d]?.[h] ?? null)}
                </td>`;
              })}
              ${
                whole
                  ? html`<td class="total">
                      ${cell(
                        sum(counts, (_, x) => x === h),
                        sum(previous.counts, (_, x) => x === h),
                      )}
                    </td>`
                  : nothing
              }
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="muted small">
      ${tObs(compare ? 'obs.hours.previous_period' : 'obs.hours.no_previous', {
        from: formatDay(previous.from),
        to: formatDay(previous.to),
        n: formatNumber(previous.n),
      })}
    </p>`;
}
