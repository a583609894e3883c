import type { IncidentType, ObservatoryFilter } from '../../../shared/observatory.js';
import type { WeekReport } from '../../../shared/observatory-reports.js';
import { addDays, countedPeriod, weekBounds } from '../../../shared/report-periods.js';
import { ApiError } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { dosageFigure } from '../patrol/figure.js';
import { INCIDENT_TYPES } from '../query.js';
import { responseFigure } from '../response/figure.js';
import { openRequests } from './requests.js';
import { reportPrivacy, reportSources } from './sources.js';

/** Weeks the "previous weeks" average is taken over, and the emerging figure's span. */
const PREVIOUS_WEEKS = 4;
const EMERGING_WEEKS = 12;

/** Patterns the meeting is told about: hot spots that appeared lately. */
const NEW_PATTERNS = new Set(['new', 'consecutive']);

/**
 * The week's report for the inter-institutional meeting (Monday to Sunday): incidents by type
 * against the four weeks before, hot spots that emerged, response times, fixed-point visits and
 * the neighbour requests still open, by category.
 */
export async function weekReport(
  s: Services,
  monday: string,
  areaId: string | null,
  today: string,
): Promise<WeekReport> {
  const period = countedPeriod(weekBounds(monday), today);
  if (!period) throw new ApiError(404, 'not_found', 'That week has not started yet.');
  const filter: ObservatoryFilter = { from: period.from, to: period.to, type: 'all', areaId };
  // Weekly trend buckets start on Mondays: the last is this week, the four before it the average.
  const span = { ...filter, from: addDays(monday, -7 * PREVIOUS_WEEKS) };
  const [byType, emerging, response, dosage] = await Promise.all([
    Promise.all(INCIDENT_TYPES.map((type) => s.observatory.analyse('trends', { ...span, type }))),
    s.observatory.analyse('emerging', {
      ...filter,
      from: addDays(monday, -7 * (EMERGING_WEEKS - 1)),
      to: weekBounds(monday).to,
    }),
    responseFigure(s, filter, 'type'),
    dosageFigure(s, filter),
  ]);
  const rows = byType.map((t, i) => {
    const type = INCIDENT_TYPES[i] as IncidentType;
    const count = t.weekly.find((w) => w.start === monday)?.count ?? 0;
    const before = t.weekly.filter((w) => w.start < monday);
    const average = before.length ? before.reduce((a, w) => a + w.count, 0) / PREVIOUS_WEEKS : null;
    return { type, count, average };
  });
  const now = s.observatory.now();
  const sources = [...new Set(byType.flatMap((t) => t.meta.sources))].sort();
  const types: WeekReport['types'] = {
    meta: {
      ...byType[0]!.meta,
      sources,
      from: period.from,
      to: period.to,
      n: rows.reduce((a, r) => a + r.count, 0),
      method: 'type_week_counts',
    },
    rows,
  };
  const hot = emerging.cells.filter((c) => c.kind === 'hot' && NEW_PATTERNS.has(c.pattern));
  return {
    week: monday,
    ...period,
    types,
    emerging: { ...emerging, cells: hot },
    response,
    dosage,
    requests: openRequests(s.storage.requests, period, now),
    sources: reportSources(s, [types.meta, emerging.meta, response.meta, dosage.meta]),
    privacy: reportPrivacy(s),
  };
}
