import https from 'node:https';
import webpush from 'web-push';
import type { RequestDetails } from 'web-push';
import { httpsOrigin } from './allow-list.js';
import { VapidTokens, type VapidKeys } from './vapid.js';

export interface Subscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface SendOptions {
  ttl: number;
  urgency: 'high' | 'normal';
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

export interface WebPushSenderOptions {
  /** Tests pass an agent that trusts their throw-away certificate. */
  agent?: https.Agent;
  timeoutMs?: number;
}

/**
 * RFC 8030 delivery with RFC 8291 encryption (web-push does the crypto) and a cached RFC 8292
 * VAPID token per push-service origin (signing is the expensive part). The request itself
 * is ours, so the answer's status and Retry-After reach the outbox worker.
 */
export class WebPushSender implements PushTransport {
  private readonly tokens: VapidTokens;
  private readonly agent: https.Agent;
  private readonly ownAgent: boolean;
  private readonly timeoutMs: number;

  constructor(keys: VapidKeys, options: WebPushSenderOptions = {}) {
    this.tokens = new VapidTokens(keys);
    // Keep-alive: one TLS handshake per push service, not per message.
    this.ownAgent = !options.agent;
    this.agent = options.agent ?? new https.Agent({ keepAlive: true, maxSockets: 64 });
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  get tokensSigned(): number {
    return this.tokens.signed;
  }

  send(sub: Subscription, payload: string, options: SendOptions): Promise<SendOutcome> {
    const origin = httpsOrigin(sub.endpoint);
    if (!origin) return Promise.resolve({ kind: 'failed', status: 0 });
    let details: RequestDetails;
    try {
      details = webpush.generateRequestDetails(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        payload,
        { TTL: options.ttl, urgency: options.urgency },
      );
    } catch {
      // Keys the encryption cannot use: no retry will fix them.
      return Promise.resolve({ kind: 'gone', status: 0 });
    }
    details.headers.Authorization = this.tokens.authorization(origin);
    return new Promise((resolve) => {
      const req = https.request(sub.endpoint, {
        method: 'POST',
        headers: details.headers,
        agent: this.agent,
        timeout: this.timeoutMs,
      });
      req.on('response', (res) => {
        res.resume(); // the body is of no use to us; drain it so the socket is reused
        res.on('end', () => resolve(outcome(res.statusCode ?? 0, res.headers['retry-after'])));
        res.on('error', () => resolve({ kind: 'retry', status: null, afterMs: null }));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve({ kind: 'retry', status: null, afterMs: null }));
      req.end(details.body ?? undefined);
    });
  }

  close(): void {
    if (this.ownAgent) this.agent.destroy();
  }
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
