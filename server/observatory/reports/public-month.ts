import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type {
  PublicRequests,
  PublicResponse,
  PublicTypeCounts,
  PublicWeekCounts,
  ReportMeta,
} from '../../../shared/observatory-reports.js';
import type { Services } from '../../services.js';
import { INCIDENT_TYPES } from '../query.js';
import { responseFigure } from '../response/figure.js';
import { publicRequests } from './requests.js';

/** What the public page adds to the area's hot spots and hours. */
export interface PublicExtras {
  types: PublicTypeCounts;
  weeks: PublicWeekCounts;
  response: PublicResponse;
  requests: PublicRequests;
}

/** The analyses `publicExtras` asks for, to tell whether it would compute (the page's limiter). */
export function extrasCached(s: Services, filter: ObservatoryFilter): boolean {
  return [filter, ...INCIDENT_TYPES.map((type) => ({ ...filter, type }))].every((f) =>
    s.observatory.isCached('trends', f),
  );
}

/**
 * An area's month for residents, beyond hot spots and hours: incidents by type and by week,
 * response times and neighbour requests. Every count under the city's minimum is null and
 * `n` sums only what is shown (privacy.ts's rule); the silent type is no incident type at all.
 */
export async function publicExtras(
  s: Services,
  filter: ObservatoryFilter & { areaId: string },
  min: number,
): Promise<PublicExtras> {
  const hide = (n: number) => (n >= min ? n : null);
  const [all, byType, response] = await Promise.all([
    s.observatory.analyse('trends', filter),
    Promise.all(INCIDENT_TYPES.map((type) => s.observatory.analyse('trends', { ...filter, type }))),
    responseFigure(s, filter, 'area'),
  ]);
  const meta = (n: number): ReportMeta => ({
    ...all.meta,
    n,
    method: 'type_week_counts',
    suppressedBelow: min,
  });
  const types = byType.map((t, i) => ({ type: INCIDENT_TYPES[i]!, count: hide(t.meta.n) }));
  const weeks = all.weekly.map((w) => ({ start: w.start, count: hide(w.count) }));
  const shown = (rows: { count: number | null }[]) => rows.reduce((a, r) => a + (r.count ?? 0), 0);
  const resolved = response.total.resolved;
  const reached = resolved.target.reached;
  const publicResponse: PublicResponse =
    reached >= min && resolved.target.share !== null
      ? {
          meta: { ...response.meta, n: reached, suppressedBelow: min },
          targetMinutes: response.targetMinutes,
          shown: true,
          alerts: reached,
          medianSeconds: resolved.fromReceived.on_scene.median,
          within: resolved.target.within,
          share: resolved.target.share,
        }
      : {
          meta: { ...response.meta, n: 0, suppressedBelow: min },
          targetMinutes: response.targetMinutes,
          shown: false,
        };
  return {
    types: { meta: meta(shown(types)), rows: types },
    weeks: { meta: meta(shown(weeks)), rows: weeks },
    response: publicResponse,
    requests: publicRequests(s.storage.requests, filter.areaId, filter, s.observatory.now(), min),
  };
}
