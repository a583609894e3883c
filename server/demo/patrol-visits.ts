import { distanceMetres } from '../../shared/geo.js';
import type { ShiftPlan } from '../../shared/plan.js';
import type { Fix } from '../../shared/types.js';
import type { CheckinRow } from '../storage/patrol.js';

/** The demo crews' habits: most visits made, around the plan's 14 minutes, some not. */
export const DEMO_DONE_SHARE = 0.85;
/** of the visits made: stays cut short (a call), stays that ran long, never checked out */
const SHORT_SHARE = 0.1;
const LONG_SHARE = 0.1;
const UNCLOSED_SHARE = 0.03;
/** check-ins made far from the point (a forgotten tap, a bad fix) */
const FAR_SHARE = 0.04;
/** a shift's chance of one stop at a fixed point outside the plan's visits */
const UNPLANNED_PER_SHIFT = 0.3;

const MIN = 60_000;

/**
 * One unit's check-ins for one plan: for each visit before `now`, whether the crew made it,
 * when it arrived and left, where the phones were. Everything from `rng`, in a fixed order,
 * so the same plan and stream give the same rows.
 */
export function visitCheckins(
  plan: ShiftPlan,
  officers: readonly string[],
  now: number,
  rng: () => number,
): CheckinRow[] {
  const out: CheckinRow[] = [];
  if (!officers.length) return out;
  const points = new Map(plan.points.map((p) => [p.id, p]));
  const stay = (pointId: string, from: number, minutes: number | null) => {
    const p = points.get(pointId);
    if (!p) return;
    const by = officers[Math.floor(rng() * officers.length)]!;
    const mark = (kind: 'in' | 'out', at: number) => {
      if (at > now) return;
      const location = near(p, rng() < FAR_SHARE ? 200 + rng() * 400 : 8 + rng() * 30, rng);
      out.push({
        id: uuidFrom(rng),
        unitId: plan.unitId,
        officerId: by,
        point: p.id,
        kind,
        at: new Date(at).toISOString(),
        // phones with signal: seconds later; now and then a shift without it
        receivedAt: new Date(
          at + (rng() < 0.05 ? 30 + rng() * 90 : rng() * 0.5) * MIN,
        ).toISOString(),
        location,
        distanceM: Math.round(distanceMetres(location, p)),
        planKey: plan.key,
      });
    };
    mark('in', from);
    if (minutes !== null) mark('out', from + minutes * MIN);
  };
  for (const v of plan.visits) {
    if (Date.parse(v.end) > now || rng() >= DEMO_DONE_SHARE) continue;
    // arrival: a few minutes either side of the planned start, later more often than earlier
    const from = Date.parse(v.start) + (rng() * 9 - 3) * MIN;
    const r = rng();
    const minutes =
      r < UNCLOSED_SHARE
        ? null
        : r < UNCLOSED_SHARE + SHORT_SHARE
          ? 3 + rng() * 6.5
          : r < UNCLOSED_SHARE + SHORT_SHARE + LONG_SHARE
            ? 16.5 + rng() * rng() * 25
            : clamp(normal(13.5, 1.6, rng), 10, 16.5);
    stay(v.point, from, minutes);
  }
  if (plan.points.length && rng() < UNPLANNED_PER_SHIFT) {
    const p = plan.points[Math.floor(rng() * plan.points.length)]!;
    const start = Date.parse(plan.start);
    const at = start + rng() * (Date.parse(plan.end) - start - 30 * MIN);
    // only where no visit of that point is near: a stop the plan did not ask for
    const clear = plan.visits.every(
      (v) => v.point !== p.id || Math.abs(Date.parse(v.start) - at) > 60 * MIN,
    );
    if (clear) stay(p.id, at, 5 + rng() * 10);
  }
  return out;
}

/** A phone's fix about `metres` from the point, in a random direction. */
function near(p: { lat: number; lng: number }, metres: number, rng: () => number): Fix {
  const angle = rng() * 2 * Math.PI;
  const dLat = (metres * Math.cos(angle)) / 111_320;
  const dLng = (metres * Math.sin(angle)) / (111_320 * Math.cos((p.lat * Math.PI) / 180));
  return {
    lat: round6(p.lat + dLat),
    lng: round6(p.lng + dLng),
    accuracy: Math.round(5 + rng() * 20),
  };
}

function normal(mean: number, sd: number, rng: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite
  const u = 1 - rng();
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A version-4-shaped UUID from the seeded stream: the same history gets the same ids. */
function uuidFrom(rng: () => number): string {
  const word = () =>
    Math.floor(rng() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  const s = word() + word() + word() + word();
  const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}
