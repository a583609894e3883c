import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { ResponseGrouping, ResponseResult } from '../../../shared/observatory-evaluation.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { Services } from '../../services.js';
import { ALERT_INCIDENT_TYPES } from '../dataset.js';
import { alertResponse } from '../evaluation/response-times.js';
import { summarise, summariseBy } from '../evaluation/response-summary.js';
import { evaluationMeta } from '../evaluation-meta.js';
import { localPeriod } from '../evaluation-period.js';
import { timelinesFrom } from './timelines.js';

/**
 * Response times of the filter's alerts (received in the period's local days, of the type, in
 * the area), each outcome apart, in total and grouped. The alert types are the observatory's
 * (never the silent one: the SQL leaves it out and `summarise` would drop it again);
 * `suspicious_activity` is an officer's record, not an alert anyone responded to, so it has
 * no response: empty groups, not an error.
 */
export async function responseFigure(
  s: Services,
  filter: ObservatoryFilter,
  by: ResponseGrouping,
): Promise<ResponseResult> {
  const targetMinutes = s.city.observatory.responseTargetMinutes;
  const types: readonly string[] =
    filter.type === 'all'
      ? ALERT_INCIDENT_TYPES
      : ALERT_INCIDENT_TYPES.filter((t) => t === filter.type);
  const period = localPeriod(filter, CITY_TIME_ZONE);
  const rows = s.storage.responses.timelines({
    fromIso: period.fromIso,
    toIso: period.toIso,
    types,
    areaId: filter.areaId,
  });
  const responses = timelinesFrom({
    ...rows,
    alerts: rows.alerts.filter((a) => period.holds(a.receivedAt)),
  }).map(alertResponse);
  return {
    meta: evaluationMeta({
      sources: ['alerts'],
      filter,
      n: responses.length,
      method: 'response_quantiles',
      now: s.observatory.now(),
    }),
    targetMinutes,
    total: summarise(responses, targetMinutes),
    by,
    groups: summariseBy(responses, by, { targetMinutes, timeZone: CITY_TIME_ZONE }),
    unitLabels: Object.fromEntries(s.city.units.map((u) => [u.id, u.label])),
  };
}
