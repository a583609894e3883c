/**
 * What a Web Push message carries (DESIGN §6), written by the server for one recipient and
 * shown as-is by the service worker. Text is already in the recipient's language and holds
 * only what that recipient may see (DESIGN §2): a neighbour never receives a silent alert,
 * and a silent alert's reporter gets neutral wording that names no type.
 */
export interface PushMessage {
  title: string;
  body: string;
  /** One notification per alert: a later message with the same tag replaces it. */
  tag: string;
  /** Alert again (sound, vibration) when replacing: true for a new alert, false for updates. */
  renotify: boolean;
  /** Same-origin path a click opens. */
  url: string;
  /** Label of the notification's "open" action. */
  action: string;
}

const MAX_TEXT = 300;

const isText = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.length <= max;

/** A push body is untrusted input to the worker until checked. */
export function isPushMessage(value: unknown): value is PushMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    isText(m.title) &&
    isText(m.body) &&
    isText(m.tag, 64) &&
    typeof m.renotify === 'boolean' &&
    isText(m.url) &&
    typeof m.url === 'string' &&
    m.url.startsWith('/') &&
    !m.url.startsWith('//') &&
    isText(m.action, 60)
  );
}

/** Where a click on an alert's notification leads. */
export const alertPath = (alertId: string): string => `/#/alert/${alertId}`;
