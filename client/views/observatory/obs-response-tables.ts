import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { t } from '../../../shared/i18n/core.js';
import { html, nothing } from 'lit';
import {
  LATER_STAGES,
  type OutcomeSummary,
  type ResponseGrouping,
  type ResponseResult,
} from '../../../shared/observatory-evaluation.js';
import type { CityInfo } from '../../../shared/types.js';
import { formatDay, formatNumber } from './obs-figure.js';
import { minutes, percent } from './obs-response-api.js';

/** "¿Llegamos en 7 minutos?": the share within target, its interval, the median and p90. */
export function headline(r: ResponseResult) {
  const o = r.total.resolved;
  const t = o.target;
  const apart = tObs('obs.response.apart', {
    false: formatNumber(r.total.false_alarm.alerts),
    cancelled: formatNumber(r.total.cancelled.alerts),
    open: formatNumber(r.total.open.alerts),
  });
  if (t.share === null) {
    return html`<p class="state empty">${tObs('obs.response.none')}</p>
      <p class="small" data-apart>${apart}</p>`;
  }
  const s = o.fromReceived.on_scene;
  return html`<div class="headline" data-headline>
    <p class="big">
      <strong data-share>${percent(t.share)}</strong>
      <span>${tObs('obs.response.within', { target: formatNumber(r.targetMinutes) })}</span>
    </p>
    ${
      t.interval
        ? html`<p class="small">
            ${tObs('obs.response.ci', {
              low: formatNumber(t.interval.low * 100),
              high: formatNumber(t.interval.high * 100),
            })}
          </p>`
        : nothing
    }
    <p>${tObs('obs.response.median', { median: minutes(s.median), p90: minutes(s.p90) })}</p>
    <p class="small">
      ${tObs('obs.response.reached', {
        reached: formatNumber(t.reached),
        without: formatNumber(t.notOnScene),
      })}
    </p>
    <p class="small" data-apart>${apart}</p>
  </div>`;
}

/** The period's last four weeks in one line: the share within target and the median now. */
export function recentLine(r: ResponseResult) {
  const o = r.total.resolved;
  if (o.target.share === null || !o.target.interval) return nothing;
  return html`<p class="recent" data-recent>
    ${tObs('obs.response.recent', {
      from: formatDay(r.meta.from),
      share: percent(o.target.share),
      low: formatNumber(o.target.interval.low * 100),
      high: formatNumber(o.target.interval.high * 100),
      target: formatNumber(r.targetMinutes),
      median: minutes(o.fromReceived.on_scene.median),
    })}
  </p>`;
}

/** Each stage of the resolved alerts: how many reached it, from received and from the one before. */
export function stageTable(o: OutcomeSummary) {
  return html`<div
    class="scroll"
    tabindex="0"
    role="region"
    aria-label=${tObs('obs.response.stages')}
  >
    <table class="grid" data-stages>
      <caption>
        ${tObs('obs.response.stages')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tObs('obs.response.stage')}</th>
          <th scope="col">${tObs('obs.response.stage_n')}</th>
          <th scope="col">${tObs('obs.response.from_received')}</th>
          <th scope="col">${tObs('obs.response.step')}</th>
        </tr>
      </thead>
      <tbody>
        ${LATER_STAGES.map((stage) => {
          const f = o.fromReceived[stage];
          const i = o.intervals[stage];
          return html`<tr>
            <th scope="row">${tObs(`obs.response.stage.${stage}`)}</th>
            <td>${formatNumber(f.n)}</td>
            <td>
              ${tObs('obs.response.minutes', { median: minutes(f.median), p90: minutes(f.p90) })}
            </td>
            <td>
              ${tObs('obs.response.minutes', { median: minutes(i.median), p90: minutes(i.p90) })}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/** A group key as the reader names it: the area's or unit's name, the type, the shift, the week. */
export function groupName(by: ResponseGrouping, key: string, r: ResponseResult, city: CityInfo) {
  if (key === 'none') return tObs('obs.response.none_group');
  switch (by) {
    case 'area':
      return city.areas.features.find((f) => f.properties.id === key)?.properties.name ?? key;
    case 'type':
      return t(`alert.type.${key}` as Parameters<typeof t>[0]);
    case 'shift':
      return tObs(`obs.response.shift.${key as 'morning' | 'afternoon' | 'night'}`);
    case 'unit':
      return r.unitLabels?.[key] ?? key;
    case 'week':
      return tObs('obs.response.week_of', { day: formatDay(key) });
  }
}

/** Areas and units by name (numbers in order: "Móvil 2" before "Móvil 10"); the rest as sent. */
function sortedGroups(r: ResponseResult, city: CityInfo) {
  if (r.by !== 'area' && r.by !== 'unit') return r.groups;
  const name = (key: string) => groupName(r.by, key, r, city);
  return [...r.groups].sort((a, b) =>
    name(a.key).localeCompare(name(b.key), undefined, { numeric: true }),
  );
}

/** One row per group: resolved alerts' time to on scene and share within target; the rest apart. */
export function groupTable(r: ResponseResult, city: CityInfo) {
  const title = tObs('obs.response.group_title', {
    by: tObs(`obs.response.by.${r.by}`).toLowerCase(),
  });
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${title}>
    <table class="grid" data-groups>
      <caption>
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tObs(`obs.response.by.${r.by}`)}</th>
          <th scope="col">${tObs('obs.response.col.resolved')}</th>
          <th scope="col">${tObs('obs.response.col.median')}</th>
          <th scope="col">${tObs('obs.response.col.p90')}</th>
          <th scope="col">${tObs('obs.response.col.within')}</th>
          <th scope="col">${tObs('obs.response.col.false')}</th>
          <th scope="col">${tObs('obs.response.col.cancelled')}</th>
        </tr>
      </thead>
      <tbody>
        ${sortedGroups(r, city).map((g) => {
          const o = g.summary.resolved;
          const s = o.fromReceived.on_scene;
          const t = o.target;
          return html`<tr>
            <th scope="row">${groupName(r.by, g.key, r, city)}</th>
            <td>${formatNumber(t.reached)}</td>
            <td>${minutes(s.median)}</td>
            <td>${minutes(s.p90)}</td>
            <td>
              ${t.share === null ? '—' : percent(t.share)}
              ${
                t.interval
                  ? html`<span class="muted"
                      >(${formatNumber(t.interval.low * 100)}–${formatNumber(t.interval.high * 100)})</span
                    >`
                  : nothing
              }
            </td>
            <td>${formatNumber(g.summary.false_alarm.alerts)}</td>
            <td>${formatNumber(g.summary.cancelled.alerts)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
