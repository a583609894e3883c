import type { IncidentType, ObservatoryFilter } from '../../../shared/observatory.js';
import { DEFAULT_HARM_WEIGHTS } from '../harm.js';
import type { Incident, ObservatoryInput } from '../input.js';
import type { StudyRegion } from '../stats/region.js';
import { weekdayOf } from './days.js';

/** Test helpers for the time analyses: an input around hand-made incidents. */

export function isoToDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** An incident on a local day and hour (the `at` instant is the day's UTC reading: unused here). */
export function incidentAt(
  iso: string,
  hour: number,
  where: { lat: number; lng: number; areaId: string | null },
  type: IncidentType = 'general',
): Incident {
  const day = isoToDay(iso);
  return {
    source: 'alerts',
    type,
    at: (day * 24 + hour) * 3_600_000,
    day,
    hour,
    weekday: weekdayOf(day),
    ...where,
  };
}

export function inputFor(
  region: StudyRegion,
  incidents: Incident[],
  filter: Partial<ObservatoryFilter> & { from: string; to: string },
  dataFrom = filter.from,
): ObservatoryInput {
  const every = Array.from({ length: 7 }, () => new Array<boolean>(24).fill(true));
  return {
    filter: { type: 'all', areaId: null, ...filter },
    fromDay: isoToDay(filter.from),
    toDay: isoToDay(filter.to),
    region,
    incidents,
    dataFromDay: isoToDay(dataFrom),
    households: new Int32Array(region.cells.length),
    harm: { ...DEFAULT_HARM_WEIGHTS },
    programme: every,
    now: '2026-12-05T00:00:00.000Z',
  };
}
