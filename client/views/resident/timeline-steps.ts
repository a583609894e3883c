import { isOpenStatus } from '../../../shared/catalogue.js';
import { t } from '../../../shared/i18n/core.js';
import type { AlertStatus, UserAlert } from '../../../shared/types.js';

/**
 * The step kinds of DESIGN §4, in order, starting on the phone; `en_route` (the crew set off)
 * sits between `dispatched` and `on_scene` once the crew reports it.
 */
export type StepKind = 'saved' | 'en_route' | AlertStatus;

export interface Step {
  kind: StepKind;
  /** ISO time, or null for a step still ahead */
  at: string | null;
}

/** The alert status a step that is not one stands for. */
export const STATUS_OF: Partial<Record<StepKind, AlertStatus>> = {
  saved: 'received',
  en_route: 'dispatched',
};

const AHEAD: readonly AlertStatus[] = ['received', 'acknowledged', 'dispatched', 'on_scene'];

/** The unit as residents say it: "Móvil 3" for `unit-3`. */
export function unitName(label: string): string {
  const n = /^unit-(\d+)$/.exec(label)?.[1];
  return n ? t('alert.unit', { number: n }) : label;
}

/**
 * The alert's steps: saved on this phone → delivered → acknowledged → dispatched → on scene
 * → closed, with times from the server's `timeline`. While the alert is open, the steps
 * still ahead are listed without a time, so the resident knows what comes next.
 */
export function stepsOf(
  a: UserAlert & { timeline?: { status: AlertStatus; at: string }[] },
): Step[] {
  const steps: Step[] = [{ kind: 'saved', at: a.createdAt }];
  const done = a.timeline?.length
    ? a.timeline
    : [
        ...(a.receivedAt ? [{ status: 'received' as const, at: a.receivedAt }] : []),
        ...(a.status && a.status !== 'received' && a.statusAt
          ? [{ status: a.status, at: a.statusAt }]
          : []),
      ];
  // After the last dispatch (an alert may be sent a second unit).
  const dispatched = done.findLastIndex((s) => s.status === 'dispatched');
  done.forEach((s, i) => {
    steps.push({ kind: s.status, at: s.at });
    if (i === dispatched && a.enRouteAt) steps.push({ kind: 'en_route', at: a.enRouteAt });
  });
  const last = done.at(-1)?.status;
  if (!a.receivedAt && a.cancelledAt) {
    steps.push({ kind: 'cancelled', at: a.cancelledAt });
  } else if (last === undefined || isOpenStatus(last)) {
    const reached = last ? AHEAD.indexOf(last) : -1;
    for (const kind of AHEAD.slice(reached + 1)) steps.push({ kind, at: null });
  }
  return steps;
}
