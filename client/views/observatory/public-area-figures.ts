import { html, nothing } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import type { PublicAreaMonth } from '../../../shared/observatory.js';
import type { CityInfo } from '../../../shared/types.js';
import { formatDay, formatNumber, metaLine } from './obs-figure.js';
import { minutes, percent, typeLabel } from './obs-report-parts.js';

/**
 * The public page's counts beyond the map and the hours: incidents by type and by week, the
 * area's response times, and neighbours' requests. The server has already hidden every count
 * under the city's minimum (null here, shown as "fewer than N").
 */

const count = (n: number | null, min: number) =>
  n === null ? tObs('obs.public.below', { min }) : formatNumber(n);

export function publicCounts(r: PublicAreaMonth) {
  const min = r.types.meta.suppressedBelow;
  return html`<section class="card" aria-labelledby="types-title" data-figure="public-types">
      <h2 id="types-title">${tObs('obs.public.types')}</h2>
      <table class="plain">
        <thead>
          <tr>
            <th scope="col">${tObs('obs.report.type')}</th>
            <th scope="col" class="num">${tObs('obs.public.count')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.types.rows.map(
            (x) =>
              html`<tr>
                <th scope="row">${typeLabel(x.type)}</th>
                <td class="num">${count(x.count, min)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${metaLine(r.types.meta)}
    </section>
    <section class="card" aria-labelledby="weeks-title" data-figure="public-weeks">
      <h2 id="weeks-title">${tObs('obs.public.weeks')}</h2>
      <table class="plain">
        <thead>
          <tr>
            <th scope="col">${tObs('obs.public.week')}</th>
            <th scope="col" class="num">${tObs('obs.public.count')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.weeks.rows.map(
            (x) =>
              html`<tr>
                <th scope="row">${tObs('obs.public.week_of', { day: formatDay(x.start) })}</th>
                <td class="num">${count(x.count, min)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${metaLine(r.weeks.meta)}
    </section>`;
}

export function publicResponse(r: PublicAreaMonth) {
  const p = r.response;
  return html`<section class="card" aria-labelledby="response-title" data-figure="public-response">
    <h2 id="response-title">${tObs('obs.public.response')}</h2>
    <p>
      ${
        p.shown
          ? tObs('obs.public.response_line', {
              median: minutes(p.medianSeconds),
              share: percent(p.share),
              target: formatNumber(p.targetMinutes),
              within: formatNumber(p.within),
              n: formatNumber(p.alerts),
            })
          : tObs('obs.public.response_hidden', { min: p.meta.suppressedBelow })
      }
    </p>
    ${metaLine(p.meta, { target: p.targetMinutes })}
  </section>`;
}

export function publicRequests(r: PublicAreaMonth, city: CityInfo) {
  const q = r.requests;
  const min = q.meta.suppressedBelow;
  const shown = q.byCategory.some((c) => c.count !== null);
  const order = (c: string) => city.requestCategories.indexOf(c as never);
  const categories = [...q.byCategory].sort((a, b) => order(a.category) - order(b.category));
  return html`<section class="card" aria-labelledby="requests-title" data-figure="public-requests">
    <h2 id="requests-title">${tObs('obs.public.requests')}</h2>
    <p class="muted">${tObs('obs.public.requests_intro')}</p>
    ${
      shown
        ? html`<div class="pair">
              <table class="plain">
                <caption>
                  ${tObs('obs.public.by_category')}
                </caption>
                <tbody>
                  ${categories.map(
                    (c) =>
                      html`<tr>
                        <th scope="row">${t(`request.category.${c.category}`)}</th>
                        <td class="num">${count(c.count, min)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              <table class="plain">
                <caption>
                  ${tObs('obs.public.by_status')}
                </caption>
                <tbody>
                  ${q.byStatus.map(
                    (s) =>
                      html`<tr>
                        <th scope="row">${t(`request.status.${s.status}`)}</th>
                        <td class="num">${count(s.count, min)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${
              q.answered
                ? html`<p>
                    ${tObs('obs.public.answered', {
                      share: percent(q.answered.share),
                      count: formatNumber(q.answered.count),
                      n: formatNumber(q.meta.n),
                    })}
                  </p>`
                : nothing
            }`
        : html`<p class="state empty">${tObs('obs.public.requests_none', { min })}</p>`
    }
    ${metaLine(q.meta)}
  </section>`;
}
