import { CLOSED_STATUSES, type AlertStatus, type AlertTypeCode } from '../../../shared/types.js';

/**
 * One alert's response, stage by stage, from what the system of record keeps of it:
 * `alert_events` (the centre's stamps: received, acknowledged = taken, dispatched, on_scene,
 * resolved / false_alarm / cancelled; a re-dispatch is a second `dispatched`) and
 * `dispatch_events` (the crew's own steps, stamped by the phone: accepted, en_route,
 * on_scene, done; one row per alert and step, the first report wins).
 */
export const RESPONSE_STAGES = [
  'received',
  'acknowledged',
  'dispatched',
  'accepted',
  'on_scene',
  'closed',
] as const;
export type ResponseStage = (typeof RESPONSE_STAGES)[number];
/** Every stage after `received`: an interval is named by the stage it ends at. */
export type LaterStage = Exclude<ResponseStage, 'received'>;
export const LATER_STAGES = RESPONSE_STAGES.slice(1) as LaterStage[];

/** How the alert ended: cancelled and false alarms are summarised apart, never in the medians. */
export type ResponseOutcome = 'resolved' | 'false_alarm' | 'cancelled' | 'open';

export interface AlertTimeline {
  alertId: string;
  type: AlertTypeCode;
  areaId: string | null;
  /** the unit the alert is assigned to now (after any re-dispatch) */
  unitId: string | null;
  /** the server's stamp of arrival (`alerts.received_at`) */
  receivedAt: string;
  /** `alert_events`, in any order */
  events: readonly { status: AlertStatus | string; at: string }[];
  /** `dispatch_events`, in any order */
  crew: readonly { unitId: string; status: string; at: string }[];
}

export interface AlertResponse {
  alertId: string;
  type: AlertTypeCode;
  areaId: string | null;
  unitId: string | null;
  /** epoch ms of `received` */
  received: number;
  outcome: ResponseOutcome;
  /** it was closed and opened again at least once */
  reopened: boolean;
  /** a stage was stamped earlier than the one before it (a phone's clock) and was moved up */
  adjusted: boolean;
  /** seconds from `received` to each stage; null where the alert never reached it */
  fromReceived: Record<LaterStage, number | null>;
  /** seconds from the stage before to this one; null unless both were reached */
  intervals: Record<LaterStage, number | null>;
}

/** A crew step that means the crew took the dispatch (one may go straight to en route). */
const TAKEN = new Set(['accepted', 'en_route', 'on_scene', 'done']);
const CLOSING = new Set<string>(CLOSED_STATUSES);

const ms = (iso: string): number => Date.parse(iso);
const earliest = (xs: readonly number[]): number | null =>
  xs.reduce<number | null>((m, x) => (Number.isFinite(x) && (m === null || x < m) ? x : m), null);

/**
 * Stage stamps and durations of one alert.
 *
 * - Each stage is the first time it was reached (as the console's `alert_response_times`
 *   view), except `closed`: the last closing event, since an alert closed and reopened was
 *   worked until its final close. The outcome is that final close (or `open`).
 * - `accepted` is the crew's first step of taking it (accepted, en route, on scene or done) of
 *   the unit the alert is with now; steps of a unit it was taken from do not count (when the
 *   alert has no unit, any crew's), nor taps after the close. `on_scene` is the earlier of the centre's stamp and that
 *   crew's own: after a stretch without signal the crew's clock says when they arrived.
 * - Events are sorted by time first, so the order they come in does not matter. A stage
 *   stamped before the stage it follows (a phone's clock a little behind the server's) is
 *   moved up to it, so no duration is negative and the stages add up; `adjusted` says so.
 * - A missing stage (not acknowledged before dispatch, on scene without a crew's acceptance)
 *   leaves its own `fromReceived` null and both intervals touching it null; the later stages
 *   still count from `received`.
 */
export function alertResponse(t: AlertTimeline): AlertResponse {
  const received = ms(t.receivedAt);
  const events = [...t.events]
    .map((e) => ({ status: e.status, at: ms(e.at) }))
    .filter((e) => Number.isFinite(e.at))
    .sort((a, b) => a.at - b.at);
  const first = (status: string) =>
    earliest(events.filter((e) => e.status === status).map((e) => e.at));

  let closedAt: number | null = null;
  let outcome: ResponseOutcome = 'open';
  let reopened = false;
  for (const e of events) {
    if (CLOSING.has(e.status)) {
      closedAt = e.at;
      outcome = e.status as ResponseOutcome;
    } else if (outcome !== 'open' && e.status !== 'received') {
      reopened = true;
      outcome = 'open';
      closedAt = null;
    }
  }

  // A crew's tap after the centre closed the alert is not a step of this response.
  const ownCrew = t.crew.filter(
    (c) =>
      (t.unitId === null || c.unitId === t.unitId) && (closedAt === null || ms(c.at) <= closedAt),
  );
  const crewAt = (pick: (s: string) => boolean) =>
    earliest(ownCrew.filter((c) => pick(c.status)).map((c) => ms(c.at)));
  const centreOnScene = first('on_scene');
  const crewOnScene = crewAt((s) => s === 'on_scene');
  const raw: Record<LaterStage, number | null> = {
    acknowledged: first('acknowledged'),
    dispatched: first('dispatched'),
    accepted: crewAt((s) => TAKEN.has(s)),
    on_scene: earliest([centreOnScene, crewOnScene].filter((x): x is number => x !== null)),
    closed: closedAt,
  };

  let adjusted = false;
  let previous = received;
  const at = {} as Record<LaterStage, number | null>;
  for (const stage of LATER_STAGES) {
    let stamp = raw[stage];
    if (stamp !== null && stamp < previous) {
      stamp = previous;
      adjusted = true;
    }
    at[stage] = stamp;
    if (stamp !== null) previous = stamp;
  }

  const fromReceived = {} as Record<LaterStage, number | null>;
  const intervals = {} as Record<LaterStage, number | null>;
  let before: number | null = received;
  for (const stage of LATER_STAGES) {
    const stamp = at[stage];
    fromReceived[stage] = stamp === null ? null : (stamp - received) / 1000;
    intervals[stage] = stamp === null || before === null ? null : (stamp - before) / 1000;
    before = stamp;
  }
  return {
    alertId: t.alertId,
    type: t.type,
    areaId: t.areaId,
    unitId: t.unitId,
    received,
    outcome,
    reopened,
    adjusted,
    fromReceived,
    intervals,
  };
}
