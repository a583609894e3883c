import { seededRandom } from '../../shared/demo-city.js';
import type { AlertStatus } from '../../shared/types.js';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import type { City } from '../city/city.js';
import { ALERT_INCIDENT_TYPES } from '../observatory/dataset.js';
import { localClock } from '../observatory/local-time.js';
import type { ResponseRows } from '../storage/responses.js';
import type { Storage } from '../storage/storage.js';
import { programmeStartDay } from './programme.js';

/** Its own stream: the alert history's (history.ts) is not disturbed by drawing these. */
const SEED = 0x5ac_7e57;
const TZ_OFFSET_HOURS = -3; // as history.ts: the demo's "yesterday" is the city's

/** Minutes of each step's typical (median) length, before and since the programme started. */
interface Pace {
  /** received → taken by an operator */
  take: number;
  /** taken → dispatched to the unit */
  dispatch: number;
  /** dispatched → the crew accepts on the phone */
  accept: number;
  /** accepted → on scene */
  travel: number;
  /** log-normal spread of the travel (the step that varies most) */
  spread: number;
}

/**
 * Before the programme a patrol was rarely nearby and the centre worked alerts one by one:
 * about 22 minutes from received to on scene. With units at fixed points in every quadrant and
 * the console's queue, about 6, most within the city's 7.
 */
const BEFORE: Pace = { take: 1.5, dispatch: 4, accept: 1.5, travel: 14, spread: 0.45 };
const AFTER: Pace = { take: 0.35, dispatch: 0.6, accept: 0.3, travel: 4.6, spread: 0.3 };

/**
 * Gives each alert of the demo's history (written by history.ts with only `received` and its
 * close) the stages a real response leaves behind: taken, dispatched, the crew's accepted / en
 * route / on scene in `dispatch_events` for the unit, the centre's on scene; false
 * alarms and cancels take shorter paths. A close that would come before the crew could have
 * finished is moved after it. Silent alerts are not read (the SQL leaves them out) and get
 * nothing. Demo only; reproducible (own seeded stream, alerts in the SQL's fixed order).
 * Returns the rows written.
 */
export function seedResponseHistory(storage: Storage, city: City, now: Date): number {
  if (!city.demo) return 0;
  const rows = storage.responses.timelines({
    fromIso: '1970-01-01T00:00:00.000Z',
    toIso: now.toISOString(),
    types: ALERT_INCIDENT_TYPES,
    areaId: null,
  });
  if (rows.alerts.length === 0) return 0;
  const rng = seededRandom(SEED);
  const clock = localClock(CITY_TIME_ZONE);
  const endDay = Math.floor((now.getTime() + TZ_OFFSET_HOURS * 3_600_000) / 86_400_000) - 1;
  const startDay = programmeStartDay(endDay);
  const unitOf = new Map(city.units.flatMap((u) => u.quadrant.map((a) => [a, u.id] as const)));
  const officers = new Map<string, string>();
  for (const u of storage.users.list({ role: 'officer', status: 'active' })) {
    if (u.unitId && !officers.has(u.unitId)) officers.set(u.unitId, u.id);
  }
  const staged = new Set(rows.crew.map((c) => c.alertId));
  const events = new Map<string, ResponseRows['events']>();
  for (const e of rows.events) events.set(e.alertId, [...(events.get(e.alertId) ?? []), e]);

  const latest = now.getTime() - 60_000;
  let written = 0;
  storage.transaction(() => {
    for (const a of rows.alerts) {
      const own = events.get(a.id) ?? [];
      const close = own.find((e) => e.status !== 'received');
      // Only the history's own shape: an alert someone worked in the demo keeps its stages.
      if (staged.has(a.id) || own.length !== 2 || !close) continue;
      const received = Date.parse(a.receivedAt);
      const pace = clock(received).day >= startDay ? AFTER : BEFORE;
      const unitId = a.unitId ?? (a.areaId ? unitOf.get(a.areaId) : undefined) ?? null;
      const officer = unitId ? (officers.get(unitId) ?? null) : null;
      const centre = (status: AlertStatus, at: number) => {
        storage.alerts.addEvent({ alertId: a.id, status, at: iso(at), by: 'history' });
        written++;
      };
      const crew = (status: string, at: number) => {
        if (!unitId || !officer) return;
        const receivedAt = iso(at + 1_000 + Math.floor(rng() * 4_000));
        storage.patrol.addDispatchEvent({
          alertId: a.id,
          unitId,
          status,
          at: iso(at),
          by: officer,
          receivedAt,
        });
        written++;
      };
      const step = (median: number, spread = 0.4) => lognormal(median, spread, rng) * 60_000;

      let t = received + step(pace.take);
      centre('acknowledged', t);
      let closeAt: number;
      const goes = close.status === 'resolved' || (close.status === 'false_alarm' && rng() < 0.6);
      if (close.status === 'cancelled') {
        // The resident cancels within minutes: nobody was sent, or the crew was turned back.
        closeAt = t + step(2.5, 0.5);
      } else if (goes) {
        t += step(pace.dispatch);
        centre('dispatched', t);
        t += step(pace.accept);
        crew('accepted', t);
        t += 5_000 + rng() * 25_000;
        crew('en_route', t);
        t += step(pace.travel, pace.spread);
        crew('on_scene', t);
        // The operator marks it from the radio a little after the crew's own tap.
        centre('on_scene', t + 5_000 + rng() * 55_000);
        const work = close.status === 'resolved' ? step(20, 0.5) : step(4, 0.4);
        closeAt = Math.max(Date.parse(close.at), t + work);
      } else {
        // A false alarm found out on the phone: a call back, nobody sent.
        closeAt = t + step(3, 0.5);
      }
      closeAt = Math.min(closeAt, latest);
      if (closeAt !== Date.parse(close.at))
        storage.responses.moveClose(a.id, close.status, iso(closeAt));
    }
  });
  return written;
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();

/** A log-normal draw with this median (Box–Muller). */
function lognormal(median: number, sigma: number, rng: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * z);
}
