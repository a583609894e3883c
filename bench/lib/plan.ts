import type { AlertTypeCode } from '../../shared/types.js';
import type { LightSpec } from './light-client.js';
import type { PlannedAlert } from './probe-types.js';
import type { BenchCity, BenchResident } from './seed.js';
import type { Options } from './args.js';

/**
 * Who does what. Residents are numbered round-robin over the city's areas, so "row" r (as
 * many consecutive residents as there are areas) holds one resident of every area. Rows 0, 10, 20… also watch their
 * area feed (a tenth of the city); row 0's watchers are the probe's area observers. Rows
 * 5, 15, 25… are the residents who raise alerts (each at most once, far below the per-user
 * threshold), held by the probe.
 */
export const isWatcher = (r: BenchResident, areas: number): boolean =>
  Math.floor(r.idx / areas) % 10 === 0;
const isRaiserRow = (r: BenchResident, areas: number): boolean =>
  Math.floor(r.idx / areas) % 10 === 5;

/** A realistic mix: mostly general alerts, a tenth silent (gender violence). */
const TYPES: AlertTypeCode[] = [
  'general',
  'medical',
  'bicycle_theft',
  'fire',
  'general',
  'gender_violence',
  'general',
  'medical',
  'bicycle_theft',
  'general',
];

export interface CityPlan {
  raisers: BenchResident[];
  observers: BenchResident[];
  /** light clients for the drivers: residents' user rooms, watchers' area rooms, units */
  driverSpecs: LightSpec[];
  alerts: PlannedAlert[];
}

export function planCity(o: Options, city: BenchCity): CityPlan {
  const wanted = o.steadyAlerts + o.burstAlerts;
  const raisers = city.residents.filter((r) => isRaiserRow(r, o.areas)).slice(0, wanted);
  const raiserIds = new Set(raisers.map((r) => r.id));
  const observers = city.residents.filter((r) => r.idx < o.areas);
  const specs: LightSpec[] = [];
  for (const r of city.residents) {
    if (!raiserIds.has(r.id)) specs.push({ path: `/sync/user:${r.id}`, token: r.token });
    if (isWatcher(r, o.areas) && r.idx >= o.areas)
      specs.push({ path: `/sync/area:${r.areaId}`, token: r.token });
  }
  for (const officer of city.officers) {
    if (officer.unitId) specs.push({ path: `/sync/unit:${officer.unitId}`, token: officer.token });
  }
  const alerts: PlannedAlert[] = [];
  const steady = Math.min(o.steadyAlerts, raisers.length);
  for (let k = 0; k < steady; k++)
    alerts.push({ raiser: k, type: TYPES[k % TYPES.length]!, atMs: k * 1000, phase: 'steady' });
  const burstStart = steady * 1000 + 5000;
  const burst = Math.min(o.burstAlerts, raisers.length - steady);
  for (let k = 0; k < burst; k++) {
    alerts.push({
      raiser: steady + k,
      type: TYPES[(steady + k) % TYPES.length]!,
      atMs: burstStart + (k * o.burstWindowMs) / burst,
      phase: 'burst',
    });
  }
  return { raisers, observers, driverSpecs: specs, alerts };
}
