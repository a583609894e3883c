import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { postJson } from '../testing/raw-http.js';
import { hashToken } from './sessions.js';

let server: TestServer;
let operator: string;
let admin: string;

beforeAll(async () => {
  // One-second first wait, and few free failures, so the throttle shows within a test.
  server = await startTestServer({ LOGIN_LOCK_SECONDS: '1', LOGIN_FREE_FAILURES: '3' });
  operator = (await server.login('operador1')).token;
  admin = (await server.login('admin')).token;
});
afterAll(() => server.close());

const idOf = (username: string) => server.services.storage.users.byUsername(username)!.id;
const issue = (username: string, token = operator) =>
  server.request(`/api/users/${idOf(username)}/reset-code`, { method: 'POST', token });
const codeFor = async (username: string) =>
  ((await (await issue(username)).json()) as { code: string; expiresAt: string }).code;
const redeem = (username: string, code: string, password: string) =>
  postJson(`${server.url}/api/auth/reset`, { username, code, password });
const login = (username: string, password: string) =>
  postJson(`${server.url}/api/auth/login`, { username, password });

describe('password reset with a one-time code', () => {
  it('an operator issues a code; the resident sets a new password with it, once', async () => {
    const old = await server.login('vecino11');
    const res = await issue('vecino11');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { code, expiresAt } = (await res.json()) as { code: string; expiresAt: string };
    expect(code).toMatch(/^\d{4} \d{4}$/);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    // Stored as a hash only; the audit says who issued it, never the code.
    const row = server.services.storage.residents.resetCode(idOf('vecino11'))!;
    expect(row.codeHash).not.toContain(code.replace(' ', ''));
    const audit = server.services.storage.audit
      .list(10)
      .find((a) => a.action === 'user.reset_code');
    expect(audit).toMatchObject({ subject: idOf('vecino11'), detail: '' });
    expect(JSON.stringify(server.services.storage.audit.list(50))).not.toContain(
      code.replace(' ', ''),
    );

    // Typed without the space, as people do.
    const ok = await redeem('vecino11', code.replace(' ', ''), 'gato-montes-2026');
    expect(ok.status).toBe(200);
    expect((await login('vecino11', 'gato-montes-2026')).status).toBe(200);
    expect((await login('vecino11', 'demo1234')).status).toBe(401);
    // Every old session ended with the old password.
    expect(server.services.storage.sessions.byTokenHash(hashToken(old.token))).toBeUndefined();
    expect(
      server.services.storage.audit.list(10).some((a) => a.action === 'user.password_reset'),
    ).toBe(true);
    // Single use.
    expect((await redeem('vecino11', code, 'otra-clave-larga-9')).status).toBe(401);
  });

  it('a weak new password is refused without using the code up', async () => {
    const code = await codeFor('vecino12');
    const weak = await redeem('vecino12', code, '123');
    expect(weak.status).toBe(400);
    expect(JSON.parse(weak.body).error.code).toBe('weak_password');
    expect((await redeem('vecino12', code, 'arbol-de-mora-31')).status).toBe(200);
  });

  it('an expired code does not work, and says the same as a wrong one', async () => {
    const code = await codeFor('vecino13');
    const store = server.services.storage.residents;
    const row = store.resetCode(idOf('vecino13'))!;
    store.setResetCode({ ...row, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const expired = await redeem('vecino13', code, 'arbol-de-mora-31');
    const unknown = await redeem('nadie-asi', '12345678', 'arbol-de-mora-31');
    expect([expired.status, unknown.status]).toEqual([401, 401]);
    expect(JSON.parse(expired.body)).toEqual(JSON.parse(unknown.body));
    expect((await login('vecino13', 'demo1234')).status).toBe(200);
  });

  it('a new code replaces the previous one', async () => {
    const first = await codeFor('vecino14');
    const second = await codeFor('vecino14');
    expect((await redeem('vecino14', first, 'arbol-de-mora-31')).status).toBe(401);
    expect((await redeem('vecino14', second, 'arbol-de-mora-31')).status).toBe(200);
  });

  it('wrong codes are throttled like sign-ins, and the right one waits too', async () => {
    const code = await codeFor('vecino15');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await redeem('vecino15', '00000000', 'arbol-de-mora-31')).status); // prettier-ignore
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toContain(429);
    const locked = await redeem('vecino15', code, 'arbol-de-mora-31');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('only staff issue codes; only an admin for staff; unknown ids are 404', async () => {
    const resident = (await server.login('vecino16')).token;
    const officer = (await server.login('oficial3')).token;
    // A resident cannot issue a code for someone else, nor for themself.
    for (const token of [resident, officer]) {
      expect((await issue('vecino17', token)).status).toBe(403);
      expect((await issue('vecino16', token)).status).toBe(403);
    }
    expect((await issue('oficial4')).status).toBe(403);
    expect((await issue('oficial4', admin)).status).toBe(200);
    const none = await server.request('/api/users/no-such-id/reset-code', {
      method: 'POST',
      token: operator,
    });
    expect(none.status).toBe(404);
    // Looking an account up by username is for staff too.
    const lookup = (token: string) => server.request('/api/users/by-username/vecino17', { token });
    expect((await lookup(resident)).status).toBe(403);
    const found = (await (await lookup(operator)).json()) as { user: { phone: string } };
    expect(found.user.phone).toMatch(/^\+?\d+$/);
    // A code for one account does not open another.
    const code = await codeFor('vecino17');
    expect((await redeem('vecino18', code, 'arbol-de-mora-31')).status).toBe(401);
  });
});

describe('account notices by push', () => {
  it('a subscribed resident is told their new home was approved', async () => {
    const r = await server.login('vecino19');
    server.services.storage.push.upsert({
      userId: r.user.id,
      endpoint: 'https://127.0.0.1:9/push/vecino19',
      p256dh:
        'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
      lang: 'en',
      sessionHash: hashToken(r.token),
    });
    const area = server.services.city.areas.find((a) => a.properties.id === 'area-20')!;
    const [lng, lat] = area.geometry.coordinates[0]![0]!;
    const home = { lat: lat! - 0.001, lng: lng! + 0.001 };
    await server.request('/api/me/home', {
      method: 'POST',
      token: r.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: 'Sarmiento 300', home }),
    });
    const res = await server.request(`/api/users/${r.user.id}/home-change/approve`, {
      method: 'POST',
      token: operator,
    });
    expect(res.status).toBe(200);
    const rows = server.services.storage.outbox
      .due(Date.now() + 86_400_000, 1000)
      .filter((row) => row.key.startsWith('account:home_approved'));
    expect(rows).toHaveLength(1);
    const job = JSON.parse(rows[0]!.payload) as { message: { title: string; body: string } };
    expect(job.message.title).toBe('Your new home was approved');
    expect(job.message.body).toContain('Sarmiento 300');
  });
});
