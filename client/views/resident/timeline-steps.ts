import { isOpenStatus } from '../../../shared/catalogue.js';
import { t } from '../../../shared/i18n/core.js';
import type { AlertStatus, UserAlert } from '../../../shared/types.js';

/**
 * The step kinds of DESIGN §4, in order, starting on the phone; `en_route` (a crew is on its
 * way) sits between `dispatched` and `on_scene`, done only once a crew accepted: a unit asked
 * is not a unit coming, and a resident must not wait for a car nobody is driving.
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

const AHEAD: readonly StepKind[] = [
  'received',
  'acknowledged',
  'dispatched',
  'en_route',
  'on_scene',
];

/** The unit as residents say it: "Móvil 3" for `unit-3`. */
export function unitName(label: string): string {
  const n = /^unit-(\d+)$/.exec(label)?.[1];
  return n ? t('alert.unit', { number: n }) : label;
}

/**
 * The alert's steps: saved on this phone → delivered → acknowledged → a unit asked → a unit
 * on its way → on scene → closed, with times from the server's `timeline`. While the alert is open, the steps
 * still ahead are listed without a time, so the resident knows what comes next.
 */
export function stepsOf(
  a: UserAlert & { timeline?: { status: AlertStatus; at: string }[] },
): Step[] {
  // On its way from the crew's acceptance (or its setting off, from a phone that sent both).
  const onWay = a.acceptedAt ?? a.enRouteAt;
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
    if (i === dispatched && onWay) steps.push({ kind: 'en_route', at: onWay });
  });
  const last = done.at(-1)?.status;
  if (!a.receivedAt && a.cancelledAt) {
    steps.push({ kind: 'cancelled', at: a.cancelledAt });
  } else if (last === undefined || isOpenStatus(last)) {
    const reached = last ? AHEAD.indexOf(last === 'dispatched' && onWay ? 'en_route' : last) : -1;
    for (const kind of AHEAD.slice(reached + 1)) steps.push({ kind, at: null });
  }
  return steps;
}
