import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import type { FigureMeta, IncidentType } from '../../../shared/observatory.js';
import {
  LATER_STAGES,
  type DosageResult,
  type EvaluationMeta,
  type PerceptionResult,
  type ReportSources,
  type ResponseResult,
} from '../../../shared/observatory-evaluation.js';
import type { ReportMeta, ReportPrivacy } from '../../../shared/observatory-reports.js';
import { formatDay, formatNumber, metaLine } from './obs-figure.js';

/** The pieces both reports are made of: sections, response times, patrols, the colophon. */

export type AnyMeta = FigureMeta | EvaluationMeta | ReportMeta;
/** A figure the colophon lists: its name and its meta. */
export interface NamedMeta {
  name: string;
  meta: AnyMeta;
}

/**
 * The values the methods' descriptions name ({cell}, {perm}, {min}, {target}…), gathered once
 * per report: a description takes the ones it names.
 */
export type MethodParams = Record<string, string | number>;

/** One section of the document: its title, its body or "no data", and its meta line. */
export function reportSection(
  id: string,
  title: string,
  hasData: boolean,
  body: () => TemplateResult,
  metas: AnyMeta[],
  params: MethodParams,
): TemplateResult {
  return html`<section class="rsec" data-report-section=${id} aria-labelledby="r-${id}">
    <h2 id="r-${id}">${title}</h2>
    ${hasData ? body() : html`<p class="state empty" data-no-data>${tObs('obs.report.no_data')}</p>`}
    ${metas.map((m) => metaLine(m, params))}
  </section>`;
}

/** Seconds as the reader says a response time: "6,5 min". */
export function minutes(seconds: number | null): string {
  return seconds === null
    ? '—'
    : tObs('obs.report.minutes', { value: formatNumber(seconds / 60, 1) });
}

export const percent = (share: number | null) =>
  share === null ? '—' : formatNumber(100 * share, 0);

export function typeLabel(type: IncidentType | string): string {
  return type === 'suspicious_activity'
    ? tObs('obs.type.suspicious_activity')
    : t(`alert.type.${type as Exclude<IncidentType, 'suspicious_activity'>}`);
}

/** The resolved alerts' stages from receipt, with the other outcomes counted apart. */
export function responseStages(r: ResponseResult): TemplateResult {
  const resolved = r.total.resolved;
  return html`<table class="rtable">
      <thead>
        <tr>
          <th scope="col">${tObs('obs.report.stage')}</th>
          <th scope="col" class="num">${tObs('obs.report.alerts')}</th>
          <th scope="col" class="num">${tObs('obs.report.median')}</th>
          <th scope="col" class="num">${tObs('obs.report.p90')}</th>
        </tr>
      </thead>
      <tbody>
        ${LATER_STAGES.map((stage) => {
          const s = resolved.fromReceived[stage];
          return html`<tr>
            <th scope="row">${tObs(`obs.report.stage.${stage}`)}</th>
            <td class="num">${formatNumber(s.n)}</td>
            <td class="num">${minutes(s.median)}</td>
            <td class="num">${minutes(s.p90)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p>
      ${tObs('obs.report.apart', {
        false_alarm: formatNumber(r.total.false_alarm.alerts),
        cancelled: formatNumber(r.total.cancelled.alerts),
      })}
    </p>`;
}

/** The response sentence of "in numbers": the share within the target and the median. */
export function responseLine(r: ResponseResult): string | null {
  const target = r.total.resolved.target;
  if (!target.reached || target.share === null) return null;
  return tObs('obs.report.response_line', {
    share: percent(target.share),
    target: formatNumber(r.targetMinutes),
    within: formatNumber(target.within),
    n: formatNumber(target.reached),
    median: minutes(r.total.resolved.fromReceived.on_scene.median),
  });
}

/** Response times per group (type, area…): alerts on scene, median, share within the target. */
export function responseGroups(
  r: ResponseResult,
  caption: string,
  column: string,
  label: (key: string) => string,
) {
  return html`<table class="rtable">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${column}</th>
        <th scope="col" class="num">${tObs('obs.report.alerts')}</th>
        <th scope="col" class="num">${tObs('obs.report.median')}</th>
        <th scope="col" class="num">
          ${tObs('obs.report.within', { target: formatNumber(r.targetMinutes) })}
        </th>
      </tr>
    </thead>
    <tbody>
      ${r.groups.map((g) => {
        const s = g.summary.resolved;
        return html`<tr>
          <th scope="row">${label(g.key)}</th>
          <td class="num">${formatNumber(s.target.reached)}</td>
          <td class="num">${minutes(s.fromReceived.on_scene.median)}</td>
          <td class="num">${s.target.share === null ? '—' : `${percent(s.target.share)} %`}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function visitsLine(d: DosageResult): string | null {
  if (!d.total.planned && !d.total.done) return null;
  return tObs('obs.report.visits_line', {
    done: formatNumber(d.total.done),
    planned: formatNumber(d.total.planned),
    share: percent(d.total.share),
  });
}

/** Planned versus done per unit, and the dwell times against the recommended band. */
export function dosageBody(d: DosageResult) {
  const line = visitsLine(d);
  return html`${line ? html`<p>${line}</p>` : nothing}
    <table class="rtable">
      <thead>
        <tr>
          <th scope="col">${tObs('obs.report.unit')}</th>
          <th scope="col" class="num">${tObs('obs.report.planned')}</th>
          <th scope="col" class="num">${tObs('obs.report.done')}</th>
          <th scope="col" class="num">${tObs('obs.report.share')}</th>
        </tr>
      </thead>
      <tbody>
        ${d.byUnit.map(
          (u) =>
            html`<tr>
              <th scope="row">${u.label}</th>
              <td class="num">${formatNumber(u.planned)}</td>
              <td class="num">${formatNumber(u.done)}</td>
              <td class="num">${percent(u.share)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${tObs('obs.report.total')}</th>
          <td class="num">${formatNumber(d.total.planned)}</td>
          <td class="num">${formatNumber(d.total.done)}</td>
          <td class="num">${percent(d.total.share)}</td>
        </tr>
      </tfoot>
    </table>
    ${
      d.dwell.stays
        ? html`<p>
            ${tObs('obs.report.dwell', {
              median: minutes(d.dwell.median === null ? null : d.dwell.median * 60),
              share: percent(d.dwell.share),
              min: d.band.min,
              max: d.band.max,
              n: formatNumber(d.dwell.stays),
            })}
          </p>`
        : nothing
    }`;
}

/** The share answering "no" to feeling safe at night, over the whole filter, when shown. */
export function perceptionLine(p: PerceptionResult): string | null {
  const q = p.questions.find((x) => x.question === 'feels_safe_night');
  const no = q?.total.no;
  if (!no?.shown) return null;
  return tObs('obs.report.perception_line', {
    share: percent(no.share),
    x: formatNumber(no.x),
    n: formatNumber(no.n),
    low: percent(no.low),
    high: percent(no.high),
  });
}

/** The quadrant, per area with enough answers: feeling unsafe against incidents. */
export function perceptionBody(p: PerceptionResult, areaName: (id: string) => string) {
  const line = perceptionLine(p);
  return html`${line ? html`<p>${line}</p>` : nothing}
  ${
    p.quadrant.length
      ? html`<table class="rtable">
          <thead>
            <tr>
              <th scope="col">${tObs('obs.report.area')}</th>
              <th scope="col" class="num">${tObs('obs.report.unsafe')}</th>
              <th scope="col" class="num">${tObs('obs.report.incidents_col')}</th>
              <th scope="col">${tObs('obs.report.reading')}</th>
            </tr>
          </thead>
          <tbody>
            ${p.quadrant.map(
              (q) =>
                html`<tr>
                  <th scope="row">${areaName(q.areaId)}</th>
                  <td class="num">
                    ${q.unsafe.shown ? `${percent(q.unsafe.share)} % (n = ${q.unsafe.n})` : '—'}
                  </td>
                  <td class="num">${formatNumber(q.incidents)}</td>
                  <td>${tObs(`obs.report.quadrant.${q.kind}`)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p class="muted">${tObs('obs.report.quadrant_none', { min: p.minAnswers })}</p>`
  }`;
}

/** The colophon: every figure's meta, the sources and their provenance, the privacy rules. */
export function colophon(
  figures: NamedMeta[],
  sources: ReportSources,
  privacy: ReportPrivacy,
  params: MethodParams,
) {
  const names = sources.sources.map((s) => tObs(`obs.source.${s}`)).join(', ') || '—';
  return html`<section class="rsec colophon" data-report-section="colophon" aria-labelledby="r-col">
    <h2 id="r-col">${tObs('obs.report.colophon')}</h2>
    <p>${tObs('obs.report.sources', { sources: names })}</p>
    <h3>${tObs('obs.report.figures')}</h3>
    <dl class="figures">
      ${figures.map(
        (f) =>
          html`<dt>${f.name}</dt>
            <dd>${metaLine(f.meta, params)}</dd>`,
      )}
    </dl>
    <h3>${tObs('obs.report.imported')}</h3>
    ${
      sources.imported.length
        ? html`<ul>
            ${sources.imported.map(
              (i) =>
                html`<li>
                  ${tObs('obs.report.imported_line', {
                    name: i.name,
                    provider: i.provider,
                    licence: i.licence,
                    from: formatDay(i.from),
                    to: formatDay(i.to),
                    precision: tObs(`obs.report.precision.${i.precision}`),
                    records: formatNumber(i.records),
                    at: formatDay(i.importedAt.slice(0, 10)),
                  })}
                </li>`,
            )}
          </ul>`
        : html`<p>${tObs('obs.report.imported_none')}</p>`
    }
    <h3>${tObs('obs.report.privacy')}</h3>
    <ul>
      <li>${tObs('obs.report.privacy.identity')}</li>
      <li>${tObs('obs.report.privacy.silent')}</li>
      <li>${tObs('obs.report.privacy.perception', { min: privacy.minAnswers })}</li>
      <li>${tObs('obs.report.privacy.requests')}</li>
      <li>${tObs('obs.report.privacy.public', { min: privacy.minCellCount })}</li>
    </ul>
  </section>`;
}
