import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html } from 'lit';
import { ANSWERS, type Answer } from '../../../shared/conversations.js';
import type { PerceptionResult, Share } from '../../../shared/observatory-evaluation.js';
import type { CityInfo } from '../../../shared/types.js';
import { formatNumber } from './obs-figure.js';
import { percent } from './obs-response-api.js';

type Question = PerceptionResult['questions'][number];
const KINDS = ['unsafe_many', 'unsafe_few', 'safe_many', 'safe_few'] as const;

const areaName = (city: CityInfo, id: string) =>
  city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? id;

/** A share and its interval, or "fewer than 10 answers". */
function shareCell(s: Share, min: number) {
  return s.shown
    ? html`<td>
        ${percent(s.share)}
        <span class="muted">(${formatNumber(s.low * 100)}–${formatNumber(s.high * 100)})</span>
      </td>`
    : html`<td class="muted">${tObs('obs.perception.withheld', { min })}</td>`;
}

/** Areas down (most of the chosen answer first, withheld last), each answer's share across. */
export function areaTable(
  q: Question,
  answer: Answer,
  names: Record<Answer, string>,
  city: CityInfo,
  min: number,
) {
  const key = (a: Question['areas'][number]) => {
    const s = a.shares[answer];
    return s.shown ? s.share : -1;
  };
  const rows = [...q.areas].sort((a, b) => key(b) - key(a) || b.answers - a.answers);
  return html`<div
    class="scroll"
    tabindex="0"
    role="region"
    aria-label=${tObs('obs.perception.areas')}
  >
    <table class="grid" data-areas>
      <caption>
        ${tObs('obs.perception.areas_caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tObs('obs.perception.col.area')}</th>
          <th scope="col">${tObs('obs.perception.col.answers')}</th>
          ${ANSWERS.map((a) => html`<th scope="col">${names[a]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (a) =>
            html`<tr>
              <th scope="row">${areaName(city, a.areaId)}</th>
              <td>${formatNumber(a.answers)}</td>
              ${ANSWERS.map((x) => shareCell(a.shares[x], min))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The quadrant as a 2 × 2 of named lists: unsafe on top, many incidents on the left. */
export function quadrantGrid(r: PerceptionResult, city: CityInfo) {
  if (!r.quadrant.length)
    return html`<p class="state empty">
      ${tObs('obs.perception.quadrant_none', { min: r.minAnswers })}
    </p>`;
  return html`<div class="quadrant" data-quadrant>
    ${KINDS.map((kind) => {
      const areas = r.quadrant
        .filter((q) => q.kind === kind)
        .sort(
          (a, b) => (b.unsafe.shown ? b.unsafe.share : 0) - (a.unsafe.shown ? a.unsafe.share : 0),
        );
      return html`<div class=${kind} data-kind=${kind}>
        <h3>${tObs(`obs.perception.kind.${kind}`)}</h3>
        <p class="small muted">${tObs(`obs.perception.hint.${kind}`)}</p>
        ${
          areas.length
            ? html`<ul>
                ${areas.map(
                  (q) =>
                    html`<li>
                      ${tObs('obs.perception.quadrant_item', {
                        area: areaName(city, q.areaId),
                        share: q.unsafe.shown ? percent(q.unsafe.share) : '—',
                        rate: q.rate === null ? '—' : formatNumber(q.rate, 1),
                      })}
                    </li>`,
                )}
              </ul>`
            : html`<p class="small">${tObs('obs.perception.quadrant_empty')}</p>`
        }
      </div>`;
    })}
  </div>`;
}
