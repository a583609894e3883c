import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { postJson } from '../testing/raw-http.js';
import { DEMO_PASSWORD } from '../../shared/demo-city.js';
import type { LockedView } from '../users/locks.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in throttle, per account', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One-second first wait so the backoff can be watched growing within a test.
    server = await startTestServer({ LOGIN_LOCK_SECONDS: '1' });
  });
  afterAll(() => server.close());

  const guess = (password: string, username = 'admin') =>
    postJson(`${server.url}/api/auth/login`, { username, password });
  const retryAfter = (r: { headers: Record<string, unknown> }) => Number(r.headers['retry-after']);

  it('backs off a brute force, refuses the right password while locked, then lets it in', async () => {
    const statuses: number[] = [];
    const started = performance.now();
    let last = await guess('wrong-0');
    statuses.push(last.status);
    for (let i = 1; i < 30; i++) {
      last = await guess(`wrong-${i}`);
      statuses.push(last.status);
    }
    const ms = performance.now() - started;
    // Five free failures, the sixth earns the first wait; the rest are not even checked.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    expect(retryAfter(last)).toBe(1);
    expect(JSON.parse(last.body)).toEqual({
      error: { code: 'too_many_attempts', message: expect.stringMatching(/Wait 1 s/) },
    });
    console.log(`30 guesses in ${ms.toFixed(0)} ms`);

    expect((await guess(DEMO_PASSWORD)).status).toBe(429);
    await sleep(1100);
    const second = await guess('wrong-again');
    expect(second.status).toBe(429);
    expect(retryAfter(second)).toBe(2);
    expect((await guess(DEMO_PASSWORD)).status).toBe(429);
    await sleep(2100);
    const third = await guess('and-again');
    expect(retryAfter(third)).toBe(4);

    // Staff see the account waiting; other accounts are untouched.
    const op = await server.login('operador1');
    const list = await server.request('/api/users/locks', { token: op.token });
    const { locks } = (await list.json()) as { locks: LockedView[] };
    expect(locks).toContainEqual(
      expect.objectContaining({ kind: 'account', key: 'admin', user: expect.anything() }),
    );

    await sleep(4100);
    const right = await guess(DEMO_PASSWORD);
    expect(right.status).toBe(200);
    // A right password wipes the slate: the next mistake is a plain 401 again.
    expect((await guess('typo')).status).toBe(401);
  }, 30_000);

  it('throttles unknown usernames the same way (no telling them apart)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await guess('x', 'nadie.existe')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('lets an operator release a waiting resident, audited; staff accounts only by an admin', async () => {
    for (let i = 0; i < 6; i++) await guess('nope', 'vecino3');
    for (let i = 0; i < 6; i++) await guess('nope', 'operador2');
    expect((await guess(DEMO_PASSWORD, 'vecino3')).status).toBe(429);
    const op = await server.login('operador1');
    const release = (key: string) =>
      server.request('/api/users/locks/release', {
        token: op.token,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'account', key }),
      });
    expect((await release('vecino3')).status).toBe(200);
    expect((await guess(DEMO_PASSWORD, 'vecino3')).status).toBe(200);
    expect((await release('operador2')).status).toBe(403);
    expect((await release('vecino3')).status).toBe(404);
    const resident = await server.login('vecino2');
    const list = await server.request('/api/users/locks', { token: resident.token });
    expect(list.status).toBe(403);
  });
});

describe('sign-in throttle, per source address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      LOGIN_ADDRESS_FREE_FAILURES: '4',
      TRUSTED_PROXIES: '127.0.0.1',
    });
  });
  afterAll(() => server.close());

  const spray = (n: number, o: { localAddress?: string; forwardedFor?: string } = {}) =>
    postJson(
      `${server.url}/api/auth/login`,
      { username: `spray${n}`, password: 'wrong' },
      {
        localAddress: o.localAddress,
        headers: o.forwardedFor ? { 'x-forwarded-for': o.forwardedFor } : {},
      },
    );

  it('locks an address spraying many accounts; another address is not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await spray(i, { localAddress: '127.0.0.2' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // The right password of a real account from that address waits too…
    const blocked = await postJson(
      `${server.url}/api/auth/login`,
      { username: 'vecino1', password: DEMO_PASSWORD },
      { localAddress: '127.0.0.2' },
    );
    expect(blocked.status).toBe(429);
    // …while the same account signs in from elsewhere.
    expect((await server.login('vecino1')).token).toBeTruthy();
  });

  it('takes the client from X-Forwarded-For only from a trusted proxy', async () => {
    // 127.0.0.1 is the trusted proxy here: each forwarded client has its own budget.
    for (let i = 0; i < 4; i++) await spray(100 + i, { forwardedFor: '203.0.113.7' });
    expect((await spray(110, { forwardedFor: '203.0.113.7' })).status).toBe(429);
    expect((await spray(111, { forwardedFor: '203.0.113.8' })).status).toBe(401);
    // 127.0.0.3 is not a proxy: the header it sends is ignored, its own address counts.
    for (let i = 0; i < 4; i++)
      await spray(200 + i, { localAddress: '127.0.0.3', forwardedFor: `198.51.100.${i}` });
    expect(
      (await spray(210, { localAddress: '127.0.0.3', forwardedFor: '198.51.100.99' })).status,
    ).toBe(429);
    const op = await server.login('operador1');
    const { locks } = (await (
      await server.request('/api/users/locks', { token: op.token })
    ).json()) as { locks: LockedView[] };
    const addresses = locks.filter((l) => l.kind === 'address').map((l) => l.key);
    expect(addresses).toEqual(expect.arrayContaining(['127.0.0.2', '203.0.113.7', '127.0.0.3']));
    expect(addresses).not.toContain('198.51.100.99');
  });
});
