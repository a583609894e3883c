import type { Lang } from '../../shared/i18n/index.js';
import type { PushMessage } from '../../shared/push-message.js';
import type { Services } from '../services.js';

/** A resident may not open the app for a day; the news about their account still matters. */
const ACCOUNT_TTL_SECONDS = 86_400;

/**
 * Tells one person about their own account (approval, a decision on their home) by Web Push
 * on every phone they subscribed, in each phone's language. Written to the outbox inside the
 * caller's transaction, so the decision and the notice commit together; `key` makes a
 * repeated call a no-op. Nobody subscribed: nothing is sent (the app says it on next sign-in).
 */
export function tellUser(
  s: Services,
  userId: string,
  key: string,
  message: (lang: Lang) => PushMessage,
): boolean {
  let wrote = false;
  for (const sub of s.storage.push.live({ kind: 'user', userId }, new Date().toISOString())) {
    const job = {
      sub: sub.id,
      ttl: ACCOUNT_TTL_SECONDS,
      urgency: 'normal',
      message: message(sub.lang),
    };
    if (s.storage.outbox.add('push', `account:${key}:${sub.id}`, JSON.stringify(job)) !== null)
      wrote = true;
  }
  return wrote;
}
