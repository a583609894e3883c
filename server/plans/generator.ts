import { distanceMetres, polygonCentroid } from '../../shared/geo.js';
import {
  DWELL_MINUTES,
  localParts,
  PATROL_MINUTES,
  type PlanPoint,
  type PlanVisit,
  type ShiftPlan,
  type ShiftWindow,
} from '../../shared/plan.js';
import type { AreaFeature } from '../../shared/types.js';
import type { UnitInfo } from '../city/city.js';
import type { RankedCell } from '../hotspots/ranking.js';
import { hashOf, seeded, shuffle } from './random.js';
import { areaContaining, ownersOf } from './owners.js';
import { cellIdOf, trialCells, type PlanTrial } from './trial.js';

export { areaContaining } from './owners.js';

/** Fixed points per unit and shift: the top cells of its quadrant, visited in rotation. */
export const POINTS_PER_UNIT = 4;
/** Two points of a unit are at least this far apart: one cluster gets one point. */
export const MIN_SPACING_METRES = 300;
/** The crew needs some minutes to drive between two points. */
export const MIN_GAP_MINUTES = 10;

export interface PlanInput {
  shift: ShiftWindow;
  units: readonly UnitInfo[];
  areas: readonly AreaFeature[];
  /** the city's ranked cells, hottest first (server/hotspots) */
  cells: readonly RankedCell[];
  /** mixed into every unit's seed: the rotation cannot be recomputed from the code alone */
  salt?: string;
  pointsPerUnit?: number;
  /**
   * Local hours of the day (0–23) in which the city's fixed-point programme runs
   * (`city.observatory.programmeHours`); an hour of the shift outside them holds no visit and
   * is patrol only. Every hour when left out.
   */
  programmeHours?: readonly number[];
  /**
   * A randomised trial running (trial.ts): each unit's fixed points are chosen among its
   * treatment cells only, and a control cell is never a point, not even as a quiet area's centre.
   */
  trial?: PlanTrial;
  now?: Date;
}

/**
 * One plan per unit for a shift. Each cell of the city belongs to exactly one unit
 * (the first whose quadrant holds the cell's centre), so no two units share a point. A unit's
 * points are its hottest cells, spaced apart; every hour of the shift in the city's programme
 * holds one visit of DWELL_MINUTES at one of them and PATROL_MINUTES of patrol. Every point is visited at least
 * once, hotter ones more often; the order and the minute each visit starts come from a stream
 * seeded by (salt, shift, unit), so the rotation covers the hot spots without being a
 * timetable someone could learn.
 */
export function generatePlans(input: PlanInput): ShiftPlan[] {
  const owner = ownersOf(input.cells, input.units, input.areas);
  return input.units.map((unit) => {
    const rng = seeded(hashOf(`${input.salt ?? ''}|${input.shift.key}|${unit.id}`));
    const own = input.trial
      ? trialCells(input.trial, unit.id, input.cells, input.areas)
      : input.cells.filter((c) => owner.get(c.id) === unit.id);
    const points = choosePoints(own, unit, input, rng);
    const visits = schedule(points, programmeSlots(input), input.shift, rng);
    return {
      ...(input.trial ? { trialId: input.trial.id } : {}),
      key: input.shift.key,
      unitId: unit.id,
      unitLabel: unit.label,
      quadrant: [...unit.quadrant],
      shift: input.shift.shift,
      start: input.shift.start.toISOString(),
      end: input.shift.end.toISOString(),
      points,
      visits,
      generatedAt: (input.now ?? new Date()).toISOString(),
      source: 'generated',
    };
  });
}

function choosePoints(
  own: readonly RankedCell[],
  unit: UnitInfo,
  input: PlanInput,
  rng: () => number,
): PlanPoint[] {
  const want = Math.min(input.pointsPerUnit ?? POINTS_PER_UNIT, input.shift.hours);
  const areaName = (id: string) =>
    input.areas.find((a) => a.properties.id === id)?.properties.name ?? id;
  const points: PlanPoint[] = [];
  const farEnough = (p: { lat: number; lng: number }) =>
    points.every((q) => distanceMetres(p, q) >= MIN_SPACING_METRES);
  for (const c of own) {
    if (points.length >= want) break;
    if (!farEnough(c.centre)) continue;
    const areaId = areaContaining(c.centre, input.areas) ?? unit.quadrant[0] ?? '';
    points.push({ id: c.id, label: areaName(areaId), areaId, ...c.centre, rank: c.rank, gi: c.gi });
  }
  // A quiet quadrant (or a new city with no history) still gets a round: its areas' centres.
  for (const areaId of shuffle(unit.quadrant, rng)) {
    if (points.length >= want) break;
    const ring = input.areas.find((a) => a.properties.id === areaId)?.geometry.coordinates[0];
    if (!ring) continue;
    const c = polygonCentroid(ring);
    const centre = { lat: round6(c.lat), lng: round6(c.lng) };
    if (!farEnough(centre)) continue;
    if (input.trial && input.trial.control.has(cellIdOf(input.areas, centre) ?? '')) continue;
    points.push({
      id: `${areaId}-centre`,
      label: areaName(areaId),
      areaId,
      ...centre,
      rank: 0,
      gi: 0,
    });
  }
  return points;
}

/** How many of the shift's hourly visits each point gets: one each, the rest by heat. */
export function allocate(points: readonly PlanPoint[], hours: number): number[] {
  if (points.length === 0) return [];
  const counts: number[] = points.map(() => (points.length <= hours ? 1 : 0));
  const spare = hours - counts.reduce((a, b) => a + b, 0);
  const heat = points.map((p) => Math.max(p.gi, 0) + 0.5);
  const total = heat.reduce((a, b) => a + b, 0);
  const shares = heat.map((h) => (spare * h) / total);
  shares.forEach((s, i) => (counts[i]! += Math.floor(s)));
  let left = hours - counts.reduce((a, b) => a + b, 0);
  const byRemainder = shares
    .map((s, i) => ({ i, r: s - Math.floor(s) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

/** The shift's hours (0 = its first) in which the programme plans a fixed-point visit. */
function programmeSlots(input: PlanInput): number[] {
  const slots = Array.from({ length: input.shift.hours }, (_, k) => k);
  if (!input.programmeHours) return slots;
  const runs = new Set(input.programmeHours);
  const start = input.shift.start.getTime();
  return slots.filter((k) => runs.has(localParts(new Date(start + k * 3_600_000)).hour));
}

/** The visits: one per slot, a seeded order with no point twice in a row, a seeded minute. */
function schedule(
  points: readonly PlanPoint[],
  slots: readonly number[],
  shift: ShiftWindow,
  rng: () => number,
): PlanVisit[] {
  const counts = allocate(points, slots.length);
  const bag = points.flatMap((p, i) => Array.from({ length: counts[i] ?? 0 }, () => p.id));
  let order = shuffle(bag, rng);
  for (let attempt = 0; attempt < 50 && hasRepeat(order); attempt++) order = shuffle(bag, rng);
  if (hasRepeat(order)) order = interleave(bag);

  const visits: PlanVisit[] = [];
  let previousEnd = -Infinity;
  order.forEach((point, k) => {
    const hourStart = shift.start.getTime() + slots[k]! * 3_600_000;
    const earliest = Math.max(
      0,
      Math.ceil((previousEnd + MIN_GAP_MINUTES * 60_000 - hourStart) / 60_000),
    );
    const minute = earliest + Math.floor(rng() * (PATROL_MINUTES - earliest + 1));
    const start = hourStart + minute * 60_000;
    previousEnd = start + DWELL_MINUTES * 60_000;
    visits.push({
      point,
      start: new Date(start).toISOString(),
      end: new Date(previousEnd).toISOString(),
    });
  });
  return visits;
}

const hasRepeat = (order: readonly string[]): boolean =>
  order.some((p, i) => i > 0 && order[i - 1] === p);

/** Most frequent first, dealt round-robin: no repeats whenever that is possible at all. */
function interleave(bag: readonly string[]): string[] {
  const tally = new Map<string, number>();
  for (const p of bag) tally.set(p, (tally.get(p) ?? 0) + 1);
  const sorted = [...tally]
    .sort((a, b) => b[1] - a[1])
    .flatMap(([p, n]) => Array(n).fill(p) as string[]);
  const out: string[] = new Array<string>(sorted.length);
  let i = 0;
  for (const p of sorted) {
    out[i] = p;
    i += 2;
    if (i >= out.length) i = 1;
  }
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
