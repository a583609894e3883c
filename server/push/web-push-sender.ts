/**
 * What the outbox worker needs from a push sender (server/push/sender-pool.ts sends on worker
 * threads), and what a push service's answer means (RFC 8030).
 */
export interface Subscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface SendOptions {
  ttl: number;
  urgency: 'high' | 'normal';
  /** RFC 8030 §5.4: replaces an undelivered message of the same topic */
  topic?: string;
}

/** What a push service's answer means for the outbox row. */
export type SendOutcome =
  | { kind: 'sent' }
  /** 404/410: the subscription is gone for good; forget it. */
  | { kind: 'gone'; status: number }
  /** 429, 5xx, network trouble: try again later (the service may say when). */
  | { kind: 'retry'; status: number | null; afterMs: number | null }
  /** Any other answer: retrying would not help. */
  | { kind: 'failed'; status: number };

export interface PushTransport {
  send(sub: Subscription, payload: string, options: SendOptions): Promise<SendOutcome>;
}

export function outcome(status: number, retryAfter?: string): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 404 || status === 410) return { kind: 'gone', status };
  if (status === 429 || status >= 500)
    return { kind: 'retry', status, afterMs: parseRetryAfter(retryAfter) };
  return { kind: 'failed', status };
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
