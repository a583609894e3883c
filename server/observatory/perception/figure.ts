import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { PerceptionResult } from '../../../shared/observatory-evaluation.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { Services } from '../../services.js';
import { areaLocator } from '../area-index.js';
import { Dataset } from '../dataset.js';
import { MIN_ANSWERS } from '../evaluation/wilson.js';
import { evaluationMeta } from '../evaluation-meta.js';
import { localPeriod } from '../evaluation-period.js';
import { regionCellOf } from '../stats/region.js';
import { CELL_METRES } from '../../hotspots/grid.js';
import { perceptionQuadrant, perceptionQuestions, tallyByArea, type Answered } from './shares.js';

/** The question the quadrant reads: "no" to feeling safe at night is feeling unsafe. */
export const QUADRANT_QUESTION = 'feels_safe_night';

/** One dataset per running server: its study region and households are computed once. */
const datasets = new WeakMap<Services, Dataset>();
function datasetOf(s: Services): Dataset {
  let d = datasets.get(s);
  if (!d) {
    d = new Dataset(s.storage.perception.dataset(), {
      areas: s.city.areas,
      observatory: s.city.observatory,
      timeZone: CITY_TIME_ZONE,
    });
    datasets.set(s, d);
  }
  return d;
}

/**
 * Perception per place from officers' conversations held in the period's local days (and in
 * the area, when one is chosen). The incident type does not apply: a conversation is about
 * the place, not an incident; the client says so beside the figure. The quadrant places each
 * area against the city's other areas (the medians are the city's even with an area chosen),
 * counting incidents as Observatory I does (its dataset: verified non-silent alerts and the
 * officers' records of suspicious activity, any type) per 1,000 registered households.
 */
export async function perceptionFigure(
  s: Services,
  filter: ObservatoryFilter,
): Promise<PerceptionResult> {
  const dataset = datasetOf(s);
  const region = dataset.region;
  const period = localPeriod(filter, CITY_TIME_ZONE);
  const locate = areaLocator(s.city.areas);
  const all: Answered[] = [];
  for (const r of s.storage.perception.answers(period.fromIso, period.toIso)) {
    if (!period.holds(r.at)) continue;
    let answers: Partial<Record<string, string>>;
    try {
      const parsed: unknown = JSON.parse(r.answers);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) continue;
      answers = parsed as Partial<Record<string, string>>;
    } catch {
      continue;
    }
    const at = r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null;
    const i = at ? regionCellOf(region, at) : -1;
    all.push({
      answers,
      areaId: r.areaId ?? (at ? locate(at) : null),
      cell: i >= 0 ? region.cells[i]! : null,
    });
  }
  const rows = filter.areaId ? all.filter((r) => r.areaId === filter.areaId) : all;

  // Incidents and households per area, as Observatory I's figures count them.
  const input = dataset.input(
    { ...filter, type: 'all', areaId: null },
    s.observatory.now().toISOString(),
    s.storage.observatory.version(),
  );
  const incidents = new Map<string, number>();
  for (const inc of input.incidents) {
    if (inc.day < input.fromDay || inc.day > input.toDay || !inc.areaId) continue;
    incidents.set(inc.areaId, (incidents.get(inc.areaId) ?? 0) + 1);
  }
  const households = new Map<string, number>();
  region.cells.forEach((c, k) =>
    households.set(c.areaId, (households.get(c.areaId) ?? 0) + (input.households[k] ?? 0)),
  );
  const quadrant = perceptionQuadrant(
    tallyByArea(all, QUADRANT_QUESTION),
    incidents,
    households,
  ).filter((q) => !filter.areaId || q.areaId === filter.areaId);

  return {
    meta: evaluationMeta({
      sources: ['patrol'],
      filter,
      n: rows.length,
      method: 'wilson_shares',
      now: s.observatory.now(),
    }),
    minAnswers: MIN_ANSWERS,
    cellMetres: CELL_METRES,
    questions: perceptionQuestions(rows),
    quadrant,
  };
}
