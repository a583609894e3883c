import { DISPATCH_STATUSES, DISPATCH_STEP_TIMES } from '../../sync/policy/rooms-unit.js';

/**
 * A unit's progress on a dispatched alert (DESIGN §4 `unit:<id>` `dispatches`). The phone also
 * stamps when each step happened (`acceptedAt`, …): after a stretch without signal the step
 * reaches the server long after the crew took it, and response times are measured from the
 * crew's clock, not from the moment signal returned.
 */
export type DispatchStep = (typeof DISPATCH_STATUSES)[number];
export type OfficerStep = keyof typeof DISPATCH_STEP_TIMES;

export const isDispatchStep = (v: unknown): v is DispatchStep =>
  typeof v === 'string' && (DISPATCH_STATUSES as readonly string[]).includes(v);

export const stepRank = (s: unknown): number =>
  isDispatchStep(s) ? DISPATCH_STATUSES.indexOf(s) : -1;

/** The furthest of some steps (`dispatched` when there are none). */
export function furthest(steps: readonly unknown[]): DispatchStep {
  let best: DispatchStep = 'dispatched';
  for (const s of steps) if (stepRank(s) > stepRank(best)) best = s as DispatchStep;
  return best;
}

/**
 * The steps one accepted change reports, each with its time: the phone's stamp when it sent
 * one, else `fallback` (the server's time of receipt). An offline batch "accepted → en route →
 * on scene" arrives as one change whose `status` is the last step and whose stamps name them
 * all.
 */
export function stepsOf(
  fields: Readonly<Record<string, unknown>>,
  fallback: string,
): { status: OfficerStep; at: string }[] {
  const out: { status: OfficerStep; at: string }[] = [];
  for (const [status, field] of Object.entries(DISPATCH_STEP_TIMES) as [OfficerStep, string][]) {
    const at = fields[field];
    if (typeof at === 'string') out.push({ status, at });
    else if (fields.status === status) out.push({ status, at: fallback });
  }
  return out;
}
