import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateVapid, VapidTokens } from './vapid.js';
import { outcome, parseRetryAfter } from './web-push-sender.js';
import { backoff } from './backoff.js';

describe('VAPID keys and tokens', () => {
  it('are created once, owner-only, and kept across restarts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-vapid-'));
    const first = loadOrCreateVapid(dir);
    expect(fs.statSync(path.join(dir, 'vapid.json')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateVapid(dir)).toEqual(first);
    fs.rmSync(dir, { recursive: true });
  });

  it('reuse one token per push-service origin until it nears expiry', () => {
    let now = 1_700_000_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-vapid-'));
    const keys = loadOrCreateVapid(dir);
    fs.rmSync(dir, { recursive: true });
    const tokens = new VapidTokens(keys, () => now);
    const a = tokens.authorization('https://fcm.googleapis.com');
    expect(tokens.authorization('https://fcm.googleapis.com')).toBe(a);
    tokens.authorization('https://updates.push.services.mozilla.com');
    expect(tokens.signed).toBe(2);
    now += 10 * 3600; // 12 h tokens are renewed with an hour to go
    expect(tokens.authorization('https://fcm.googleapis.com')).toBe(a);
    now += 1.5 * 3600;
    expect(tokens.authorization('https://fcm.googleapis.com')).not.toBe(a);
    expect(tokens.signed).toBe(3);
  });
});

describe('push service answers', () => {
  it('map to sent, gone, retry and failed', () => {
    expect(outcome(201)).toEqual({ kind: 'sent' });
    expect(outcome(410)).toEqual({ kind: 'gone', status: 410 });
    expect(outcome(404)).toEqual({ kind: 'gone', status: 404 });
    expect(outcome(429, '7')).toEqual({ kind: 'retry', status: 429, afterMs: 7000 });
    expect(outcome(503)).toEqual({ kind: 'retry', status: 503, afterMs: null });
    expect(outcome(400)).toEqual({ kind: 'failed', status: 400 });
    expect(outcome(413)).toEqual({ kind: 'failed', status: 413 });
  });

  it('read Retry-After as seconds or a date', () => {
    const now = Date.parse('2025-03-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('back off exponentially, capped at ten minutes, ±20 % jitter', () => {
    expect(backoff(0, () => 0.5)).toBe(2000);
    expect(backoff(3, () => 0.5)).toBe(16_000);
    expect(backoff(20, () => 1)).toBe(12 * 60_000);
    expect(backoff(1, () => 0)).toBe(3200);
  });
});
