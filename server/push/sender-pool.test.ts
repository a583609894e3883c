import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { createLogger } from '../log.js';
import { SenderPool } from './sender-pool.js';
import { PushSink } from './testing/push-sink.js';
import { until } from '../testing/sync-client.js';

const keys = { ...webpush.generateVAPIDKeys(), subject: 'mailto:test@example.org' };
let sink: PushSink;

beforeAll(async () => {
  sink = await new PushSink(() => keys.publicKey).start();
});
afterAll(() => sink.close());

const options = { ttl: 60, urgency: 'high' as const };

function subscription(name: string) {
  const s = sink.subscribe(name);
  return { endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth };
}

describe('push sender threads', () => {
  it('start with the first push, end when idle, and start again for the next', async () => {
    const pool = new SenderPool(keys, createLogger('silent'), {
      threads: 2,
      ca: sink.ca,
      idleMs: 300,
    });
    try {
      // A server that has sent nothing holds no sender thread.
      expect(pool.size).toBe(0);
      expect(await pool.send(subscription('first'), '{"n":1}', options)).toEqual({ kind: 'sent' });
      expect(pool.size).toBe(1);
      await until(() => pool.size === 0, 5000);
      expect(await pool.send(subscription('again'), '{"n":2}', options)).toEqual({ kind: 'sent' });
      expect(sink.messages.map((m) => [m.name, m.payload])).toEqual([
        ['first', { n: 1 }],
        ['again', { n: 2 }],
      ]);
    } finally {
      await pool.close();
    }
    expect(pool.size).toBe(0);
  });

  it('starts a second thread only when the first is busy', async () => {
    const pool = new SenderPool(keys, createLogger('silent'), { threads: 2, ca: sink.ca });
    try {
      const one = await Promise.all(
        Array.from({ length: 4 }, (_, i) => pool.send(subscription(`a${i}`), '{}', options)),
      );
      expect(one.every((o) => o.kind === 'sent')).toBe(true);
      expect(pool.size).toBe(1);
      // Forty at once: more in flight than one thread takes before another starts.
      const many = await Promise.all(
        Array.from({ length: 40 }, (_, i) => pool.send(subscription(`b${i}`), '{}', options)),
      );
      expect(many.every((o) => o.kind === 'sent')).toBe(true);
      expect(pool.size).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
