import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UserAlert } from '../../../shared/types.js';

/**
 * An alert without its receipt this long after it was raised has not reached the centre by
 * either path (the receipt watchdog, client/data/watchdog.ts, reconnects and posts over HTTP
 * after 2–5 s): the phone says so and points at the phone's own ways out.
 */
export const NOT_REACHED_MS = 8_000;

export function notReached(a: UserAlert, now: number): boolean {
  return !a.receivedAt && !a.cancelledAt && now - Date.parse(a.createdAt) >= NOT_REACHED_MS;
}

/** Milliseconds until the next undelivered alert turns "not reached yet", or null if none will. */
export function nextNotReached(alerts: UserAlert[], now: number): number | null {
  const due = alerts
    .filter((a) => !a.receivedAt && !a.cancelledAt && !notReached(a, now))
    .map((a) => Date.parse(a.createdAt) + NOT_REACHED_MS - now);
  return due.length ? Math.max(0, Math.min(...due)) : null;
}

/**
 * Re-renders its view when one of the view's alerts turns "not reached yet", so the words and
 * the fallbacks appear then without any other change.
 */
export class NotReachedClock implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly alerts: () => UserAlert[],
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.hostDisconnected();
    const wait = nextNotReached(this.alerts(), Date.now());
    if (wait !== null) this.timer = setTimeout(() => this.host.requestUpdate(), wait + 50);
  }

  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
