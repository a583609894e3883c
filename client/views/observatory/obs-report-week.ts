import { html, nothing } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import type { WeekReport } from '../../../shared/observatory-reports.js';
import { formatNumber } from './obs-figure.js';
import { PATTERN_COLOURS } from './obs-map.js';
import { reportMap } from './obs-report-map.js';
import type { ReportContext } from './obs-report-month.js';
import { reportHeader } from './obs-report-month.js';
import {
  colophon,
  dosageBody,
  type MethodParams,
  reportSection,
  responseGroups,
  responseLine,
  responseStages,
  typeLabel,
} from './obs-report-parts.js';

const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v), 1)}`;

/** The weekly inter-institutional meeting's report as one printable document. */
export function weekReportView(r: WeekReport, c: ReportContext) {
  const requests = new Map<string, number>();
  for (const row of r.requests.rows)
    requests.set(row.category, (requests.get(row.category) ?? 0) + row.count);
  const line = responseLine(r.response);
  const params: MethodParams = {
    min: r.privacy.minAnswers,
    target: r.response.targetMinutes,
  };
  return html`<article class="report" data-report="week">
    ${reportHeader(c.title, c.scope, r, r.types.meta.computedAt)}
    ${reportSection(
      'types',
      tObs('obs.report.types'),
      r.types.meta.n > 0 || r.types.rows.some((x) => x.average),
      () =>
        html`<table class="rtable">
          <thead>
            <tr>
              <th scope="col">${tObs('obs.report.type')}</th>
              <th scope="col" class="num">${tObs('obs.report.this_week')}</th>
              <th scope="col" class="num">${tObs('obs.report.average')}</th>
              <th scope="col" class="num">${tObs('obs.report.difference')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.types.rows.map(
              (x) =>
                html`<tr>
                  <th scope="row">${typeLabel(x.type)}</th>
                  <td class="num">${formatNumber(x.count)}</td>
                  <td class="num">${x.average === null ? '—' : formatNumber(x.average, 1)}</td>
                  <td class="num">${x.average === null ? '—' : signed(x.count - x.average)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      [r.types.meta],
      params,
    )}
    ${reportSection(
      'emerging',
      tObs('obs.report.emerging'),
      r.emerging.meta.n > 0,
      () =>
        r.emerging.cells.length
          ? html`${reportMap(
                c.city.areas.features,
                r.emerging.cells.map((x) => ({ ...x, colour: PATTERN_COLOURS.hot[x.pattern] })),
                tObs('obs.report.emerging'),
                c.areaId,
              )}
              <table class="rtable">
                <thead>
                  <tr>
                    <th scope="col">${tObs('obs.report.cell')}</th>
                    <th scope="col">${tObs('obs.report.area')}</th>
                    <th scope="col">${tObs('obs.report.pattern')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.emerging.cells.map(
                    (x) =>
                      html`<tr>
                        <th scope="row">${x.id}</th>
                        <td>${c.areaName(x.areaId)}</td>
                        <td>${tObs(`obs.pattern.${x.pattern}`)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : html`<p>${tObs('obs.report.emerging_none')}</p>`,
      [r.emerging.meta],
      params,
    )}
    ${reportSection(
      'response',
      tObs('obs.report.response'),
      r.response.meta.n > 0,
      () =>
        html`${line ? html`<p>${line}</p>` : nothing} ${responseStages(r.response)}
        ${
          r.response.groups.length
            ? responseGroups(
                r.response,
                tObs('obs.report.by_type'),
                tObs('obs.report.type'),
                typeLabel,
              )
            : nothing
        }`,
      [r.response.meta],
      params,
    )}
    ${reportSection(
      'dosage',
      tObs('obs.report.dosage'),
      r.dosage.meta.n > 0 || r.dosage.total.planned > 0,
      () => dosageBody(r.dosage),
      [r.dosage.meta],
      params,
    )}
    ${reportSection(
      'requests',
      tObs('obs.report.requests'),
      r.requests.meta.n > 0,
      () =>
        html`<table class="rtable">
          <caption>
            ${tObs('obs.report.requests_caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${tObs('obs.report.category')}</th>
              <th scope="col" class="num">${tObs('obs.report.open')}</th>
            </tr>
          </thead>
          <tbody>
            ${c.city.requestCategories
              .filter((k) => requests.has(k))
              .map(
                (k) =>
                  html`<tr>
                    <th scope="row">${t(`request.category.${k}`)}</th>
                    <td class="num">${formatNumber(requests.get(k) ?? 0)}</td>
                  </tr>`,
              )}
          </tbody>
        </table>`,
      [r.requests.meta],
      params,
    )}
    ${colophon(
      [
        { name: tObs('obs.report.fig.types'), meta: r.types.meta },
        { name: tObs('obs.report.fig.emerging'), meta: r.emerging.meta },
        { name: tObs('obs.report.fig.response'), meta: r.response.meta },
        { name: tObs('obs.report.fig.dosage'), meta: r.dosage.meta },
        { name: tObs('obs.report.fig.requests'), meta: r.requests.meta },
      ],
      r.sources,
      r.privacy,
      params,
    )}
  </article>`;
}
