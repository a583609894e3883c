import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { postJson, rawRequest } from '../testing/raw-http.js';

/** Starts a WebSocket upgrade and reports the HTTP status it got (101 or a refusal). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('one machine, no proxy (the defaults)', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.login('vecino1')).token;
  });
  afterAll(() => server.close());

  const login = { username: 'vecino1', password: 'demo1234' };

  it('refuses state-changing requests from another site, REST and socket alike', async () => {
    const own = server.url;
    const evil = { origin: 'https://evil.example' };
    expect((await postJson(`${own}/api/auth/login`, login, { headers: evil })).status).toBe(403);
    const form = await rawRequest(`${own}/api/auth/logout`, {
      method: 'POST',
      headers: { ...evil, 'content-type': 'application/x-www-form-urlencoded', cookie: 'x=1' },
      body: 'a=1',
    });
    expect(form.status).toBe(403);
    expect(JSON.parse(form.body)).toMatchObject({ error: { code: 'cross_site' } });
    const sneaky = await postJson(`${own}/api/auth/login`, login, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(sneaky.status).toBe(403);
    // The app's own page, and programs that send no Origin (sirens, bench, tests), pass.
    expect(
      (await postJson(`${own}/api/auth/login`, login, { headers: { origin: own } })).status,
    ).toBe(200);
    expect((await postJson(`${own}/api/auth/login`, login)).status).toBe(200);

    const ws = own; // an upgrade is an HTTP request
    const auth = { authorization: `Bearer ${token}` };
    expect(await upgradeStatus(`${ws}/sync/user:x`, { ...auth, ...evil })).toBe(403);
    expect(await upgradeStatus(`${ws}/devices/ws`, evil)).toBe(403);
    const crossSite = { ...auth, 'sec-fetch-site': 'cross-site' };
    expect(await upgradeStatus(`${ws}/sync/user:x`, crossSite)).toBe(403);
    expect(await upgradeStatus(`${ws}/sync/area:area-1`, { ...auth, origin: own })).toBe(101);
    expect(await upgradeStatus(`${ws}/sync/area:area-1`, auth)).toBe(101);
  });

  it('takes JSON only as application/json (415 otherwise)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await rawRequest(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify(login),
      });
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
    const charset = await postJson(`${server.url}/api/auth/login`, login, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(charset.status).toBe(200);
  });

  it('sends the security headers on every response, HSTS only over HTTPS', async () => {
    for (const p of ['/', '/api/city', '/api/nothing', '/healthz']) {
      const res = await rawRequest(`${server.url}${p}`, {});
      const csp = String(res.headers['content-security-policy']);
      expect(csp, p).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toContain('geolocation=(self)');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    // X-Forwarded-Proto from an untrusted peer changes nothing.
    const spoofed = await rawRequest(`${server.url}/healthz`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps /metrics off without a configured token', async () => {
    expect((await rawRequest(`${server.url}/metrics`, {})).status).toBe(404);
    const withAny = await rawRequest(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect(withAny.status).toBe(404);
  });
});

describe('behind a trusted proxy, with a public HTTPS address', () => {
  let server: TestServer;
  const METRICS_TOKEN = 'a-long-scrape-token-for-tests';
  beforeAll(async () => {
    server = await startTestServer({
      PUBLIC_URL: 'https://sac.example.org',
      TRUSTED_PROXIES: '127.0.0.1',
      TILES_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      METRICS_TOKEN,
    });
  });
  afterAll(() => server.close());

  it('allows only the public origin and sends HSTS', async () => {
    const login = { username: 'vecino1', password: 'demo1234' };
    const at = (origin: string) =>
      postJson(`${server.url}/api/auth/login`, login, { headers: { origin } });
    expect((await at(server.url)).status).toBe(403);
    expect((await at('https://sac.example.org')).status).toBe(200);
    const res = await rawRequest(`${server.url}/api/city`, {});
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/img-src[^;]*https:\/\/\*\.tile\.example\.org/);
    expect(csp).toMatch(/connect-src[^;]*https:\/\/\*\.tile\.example\.org/);
  });

  it('serves /metrics only with its Bearer token', async () => {
    const get = (authorization?: string) =>
      rawRequest(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await get()).status).toBe(401);
    expect((await get(`Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await get(`Bearer ${METRICS_TOKEN.slice(0, -1)}`)).status).toBe(401);
    expect((await get(`Basic ${METRICS_TOKEN}`)).status).toBe(401);
    const ok = await get(`Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatch(/sac_connections \d+/);
  });
});

describe('data files', () => {
  it('are owner-only: the folder 0700, the database, its WAL and SHM and the keys 0600', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-modes-'));
    const dataDir = path.join(parent, 'data');
    // An install from before: a world-readable folder and database.
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const server = await startTestServer({ DATA_DIR: dataDir });
    try {
      await server.login('vecino1'); // a write, so the WAL and SHM exist
      const mode = (f: string) => (fs.statSync(path.join(dataDir, f)).mode & 0o777).toString(8);
      expect(mode('.')).toBe('700');
      const files = fs.readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['sac.db', 'sac.db-wal', 'sac.db-shm']));
      for (const f of files) expect([f, mode(f)]).toEqual([f, '600']);
    } finally {
      await server.close();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
