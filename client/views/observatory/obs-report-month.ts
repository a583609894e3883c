import { html, nothing } from 'lit';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import type { MonthReport } from '../../../shared/observatory-reports.js';
import type { CityInfo } from '../../../shared/types.js';
import { formatDay, formatNumber } from './obs-figure.js';
import { hoursTable } from './obs-hours.js';
import { classLegend, reportMap } from './obs-report-map.js';
import {
  colophon,
  dosageBody,
  type MethodParams,
  perceptionBody,
  perceptionLine,
  reportSection,
  responseGroups,
  responseLine,
  responseStages,
  visitsLine,
} from './obs-report-parts.js';
import { changeSentence } from './obs-trends.js';

export interface ReportContext {
  city: CityInfo;
  /** "the whole city" or the area's name */
  scope: string;
  areaId: string | null;
  areaName(id: string): string;
  /** the report's title: city and month, or city and week */
  title: string;
}

const change = (now: number, before: number) => {
  const p = ((now - before) / before) * 100;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${formatNumber(Math.abs(p))} %`;
};

/** The header every report opens with: title, scope, a running period's note, when it was made. */
export function reportHeader(
  title: string,
  scope: string,
  r: { to: string; complete: boolean },
  at: string,
) {
  return html`<header class="rhead">
    <h1>${title}</h1>
    <p>${tObs('obs.report.scope', { scope })}</p>
    ${r.complete ? nothing : html`<p class="warn">${tObs('obs.report.partial', { to: formatDay(r.to) })}</p>`}
    <p class="muted">${tObs('obs.report.generated', { at: formatDay(at.slice(0, 10)) })}</p>
  </header>`;
}

/** The mayor's monthly report as one printable document. */
export function monthReportView(r: MonthReport, c: ReportContext) {
  const n = r.trends.meta.n;
  const summary = [
    tObs('obs.report.incidents', { n: formatNumber(n) }),
    r.previous.n
      ? tObs('obs.report.vs_previous', {
          n: formatNumber(r.previous.n),
          change: change(n, r.previous.n),
        })
      : tObs('obs.report.vs_previous_none'),
    changeSentence(r.trends),
    responseLine(r.response),
    visitsLine(r.dosage),
    perceptionLine(r.perception),
  ].filter((line): line is string => line !== null);
  const params: MethodParams = {
    cell: r.hotspots.cellMetres,
    perm: formatNumber(r.hotspots.permutations),
    most: formatNumber(r.hotspots.refined?.permutations ?? r.hotspots.permutations),
    min: r.perception.minAnswers,
    target: r.response.targetMinutes,
  };
  const hot = r.hotspots.cells.filter((x) => x.class.startsWith('hot')).length;
  const cold = r.hotspots.cells.filter((x) => x.class.startsWith('cold')).length;
  return html`<article class="report" data-report="month">
    ${reportHeader(c.title, c.scope, r, r.trends.meta.computedAt)}
    ${reportSection(
      'numbers',
      tObs('obs.report.numbers'),
      n > 0,
      () =>
        html`<ul class="numbers">
          ${summary.map((line) => html`<li>${line}</li>`)}
        </ul>`,
      [r.trends.meta],
      params,
    )}
    ${reportSection(
      'hotspots',
      tObs('obs.report.hotspots'),
      r.hotspots.meta.n > 0,
      () =>
        html`${reportMap(c.city.areas.features, r.hotspots.cells, tObs('obs.report.map_label'), c.areaId)}
          <p>
            ${tObs('obs.report.map_counts', {
              hot: formatNumber(hot),
              cold: formatNumber(cold),
              cells: formatNumber(r.hotspots.cells.filter((x) => (x.count ?? 0) > 0).length),
            })}
          </p>
          ${classLegend(r.hotspots.cells)}`,
      [r.hotspots.meta],
      params,
    )}
    ${reportSection(
      'hours',
      tObs('obs.report.hours'),
      r.hours.meta.n > 0,
      () => hoursTable(r.hours),
      [r.hours.meta],
      params,
    )}
    ${reportSection(
      'response',
      tObs('obs.report.response'),
      r.response.meta.n > 0,
      () =>
        html`${responseStages(r.response)}
        ${
          r.response.groups.length > 1
            ? responseGroups(
                r.response,
                tObs('obs.report.by_area'),
                tObs('obs.report.area'),
                c.areaName,
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
      'perception',
      tObs('obs.report.perception'),
      r.perception.meta.n > 0,
      () => perceptionBody(r.perception, c.areaName),
      [r.perception.meta],
      params,
    )}
    ${colophon(
      [
        { name: tObs('obs.report.fig.trends'), meta: r.trends.meta },
        { name: tObs('obs.report.fig.hotspots'), meta: r.hotspots.meta },
        { name: tObs('obs.report.fig.hours'), meta: r.hours.meta },
        { name: tObs('obs.report.fig.response'), meta: r.response.meta },
        { name: tObs('obs.report.fig.dosage'), meta: r.dosage.meta },
        { name: tObs('obs.report.fig.perception'), meta: r.perception.meta },
      ],
      r.sources,
      r.privacy,
      params,
    )}
  </article>`;
}
