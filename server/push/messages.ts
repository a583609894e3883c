import { formatTime, tFor, type Lang } from '../../shared/i18n/index.js';
import { alertPath, type PushMessage } from '../../shared/push-message.js';
import type { AlertRow } from '../storage/storage.js';
import { displayName } from '../alerts/projection.js';

/**
 * The text of every push, one function per audience, so what each audience may see
 * (DESIGN §2) is decided in one readable place and unit-tested.
 */
export interface AlertContext {
  alert: AlertRow;
  /** The area's name, or '' when the alert has no area. */
  areaName: string;
}

const typeName = (lang: Lang, a: AlertRow) => tFor(lang, `alert.type.${a.type}`);
const time = (lang: Lang, iso: string) => formatTime(iso, lang);

/**
 * Neighbours of the area: type, area, time; the reporter's name only if they allow it.
 * Never called for a silent alert (OutboxFanOut decides who is told).
 */
export function neighbourMessage(
  lang: Lang,
  { alert, areaName }: AlertContext,
  reporter: { name: string; showName: boolean },
): PushMessage {
  const at = time(lang, alert.receivedAt);
  return {
    title: tFor(lang, 'push.alert.title', { type: typeName(lang, alert), area: areaName }),
    body: reporter.showName
      ? tFor(lang, 'push.alert.body_named', { name: displayName(reporter.name), time: at })
      : tFor(lang, 'push.alert.body', { time: at }),
    tag: alert.id,
    renotify: true,
    url: alertPath(alert.id),
    action: tFor(lang, 'push.open'),
  };
}

/**
 * Neighbours, when the area had more than one alert within a push's lifetime (`alerts`,
 * oldest first, the newest last). One message then stands for all of them: it may replace
 * an undelivered earlier one at the push service (Topic) and is sent instead of one push per
 * alert when a burst outpaces the sender. No reporter's name: it would name only one of them.
 */
export function areaDigestMessage(
  lang: Lang,
  areaName: string,
  alerts: readonly AlertRow[],
): PushMessage {
  const latest = alerts[alerts.length - 1]!;
  return {
    title: tFor(lang, 'push.area.title', { count: alerts.length, area: areaName }),
    body: tFor(lang, 'push.area.body', {
      type: typeName(lang, latest),
      time: time(lang, latest.receivedAt),
    }),
    tag: latest.id,
    renotify: true,
    url: alertPath(latest.id),
    action: tFor(lang, 'push.open'),
  };
}

/** Operators and admins see every alert, silent ones included (they may see the type). */
export function operatorMessage(lang: Lang, { alert, areaName }: AlertContext): PushMessage {
  return {
    title: tFor(lang, 'push.ops.title', { type: typeName(lang, alert) }),
    body: tFor(lang, 'push.ops.body', { area: areaName, time: time(lang, alert.receivedAt) }),
    tag: alert.id,
    renotify: true,
    url: alertPath(alert.id),
    action: tFor(lang, 'push.open'),
  };
}

/** The assigned unit's officers see the whole alert (DESIGN §2). */
export function dispatchMessage(lang: Lang, { alert, areaName }: AlertContext): PushMessage {
  return {
    title: tFor(lang, 'push.dispatch.title', { type: typeName(lang, alert) }),
    body: tFor(lang, 'push.dispatch.body', { area: areaName, time: time(lang, alert.statusAt) }),
    tag: alert.id,
    renotify: true,
    url: alertPath(alert.id),
    action: tFor(lang, 'push.open'),
  };
}

/** The reporter of a public alert, once a crew accepted its dispatch. */
export function acceptedMessage(lang: Lang, ctx: AlertContext): PushMessage {
  return {
    ...reporterMessage(lang, ctx),
    title: tFor(lang, 'push.status.title', { status: tFor(lang, 'status.accepted') }),
  };
}

/**
 * The reporter, on each status change of a public alert. Never called for a silent one: no
 * push about it reaches her phone at all (OutboxFanOut.onStatus).
 */
export function reporterMessage(lang: Lang, { alert }: AlertContext): PushMessage {
  return {
    title: tFor(lang, 'push.status.title', { status: tFor(lang, `status.${alert.status}`) }),
    body: tFor(lang, 'push.status.body', {
      type: typeName(lang, alert),
      time: time(lang, alert.statusAt),
    }),
    tag: alert.id,
    renotify: false,
    url: alertPath(alert.id),
    action: tFor(lang, 'push.open'),
  };
}
