import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { rawBytes, type RawBytes } from '../testing/raw-bytes.js';
import { chooseCoding } from './negotiate.js';

/**
 * API answers on the wire: the city's description is kept and revalidated, JSON answers are
 * compressed when that cannot open them to BREACH, and nothing personal becomes cacheable.
 */
let server: TestServer;
const tokens: Record<string, string> = {};
const get = (p: string, headers: Record<string, string> = {}, who?: string) =>
  rawBytes(`${server.url}${p}`, {
    headers: who ? { ...headers, authorization: `Bearer ${tokens[who]}` } : headers,
  });
const decoded = (res: RawBytes): string => {
  const coding = res.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(res.body).toString();
  if (coding === 'gzip') return zlib.gunzipSync(res.body).toString();
  return res.body.toString();
};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['vecino1', 'operador1', 'oficial1'])
    tokens[who] = (await server.login(who)).token;
});
afterAll(() => server.close());

describe('/api/city', () => {
  it('is compressed, tagged per coding and revalidated', async () => {
    const plain = await get('/api/city');
    const br = await get('/api/city', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get('/api/city', { 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    for (const res of [plain, br, gz]) {
      expect(decoded(res)).toBe(plain.body.toString());
      expect(JSON.parse(decoded(res))).toEqual(server.services.city.info);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
    expect(new Set([plain, br, gz].map((r) => r.headers.etag)).size).toBe(3);

    const again = await get('/api/city', {
      'accept-encoding': 'gzip, deflate, br',
      'if-none-match': br.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Only validators and cache rules: the stored answer keeps its security headers.
    expect(Object.keys(again.headers).sort()).toEqual(
      ['cache-control', 'connection', 'content-type', 'date', 'etag', 'keep-alive', 'vary'].sort(),
    );
    expect(again.headers['content-type']).toBe('application/json');
    expect(br.headers['content-security-policy']).toContain("default-src 'self'");
    // A tag of one coding never validates another.
    const other = await get('/api/city', { 'if-none-match': br.headers.etag! });
    expect(other.status).toBe(200);
    for (const bad of ['', 'nonsense', '"', '*,,', 'W/"x"'])
      expect((await get('/api/city', { 'if-none-match': bad })).status, bad).not.toBe(500);
  });

  it('holds nothing personal: the same bytes for everyone, signed in or not', async () => {
    const anonymous = await get('/api/city', { 'accept-encoding': 'br' });
    for (const who of Object.keys(tokens)) {
      const res = await get('/api/city', { 'accept-encoding': 'br' }, who);
      expect(res.headers.etag).toBe(anonymous.headers.etag);
      expect(res.body.equals(anonymous.body)).toBe(true);
    }
    const text = decoded(anonymous);
    const resident = server.services.storage.users.byUsername('vecino1')!;
    for (const personal of [resident.id, resident.name, resident.phone, resident.address])
      if (personal) expect(text).not.toContain(personal);
  });
});

describe('personal answers', () => {
  it('keeps /api/me uncacheable, compressed or not', async () => {
    for (const coding of ['br', 'gzip', 'identity']) {
      const res = await get('/api/me', { 'accept-encoding': coding }, 'vecino1');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(JSON.parse(decoded(res))).toMatchObject({ username: 'vecino1' });
    }
  });

  it('compresses a large JSON answer without changing a byte or its cache rule', async () => {
    const plain = await get('/api/console/alerts', {}, 'operador1');
    const br = await get('/api/console/alerts', { 'accept-encoding': 'br' }, 'operador1');
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(decoded(br)).toBe(plain.body.toString());
    for (const res of [plain, br]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.vary).toBe('Accept-Encoding');
    }
  });

  it('never compresses an answer whose URL carries a query string, or a sign-in', async () => {
    // A search's terms are text another site can put in a signed-in operator's URL (BREACH).
    const res = await get('/api/console/alerts?limit=50', { 'accept-encoding': 'br' }, 'operador1');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    const login = await rawBytes(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ username: 'vecino1', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    expect(login.headers['content-encoding']).toBeUndefined();
    expect(login.headers.vary).toBeUndefined();
  });

  it('shows a silent alert to no one it was hidden from, compressed or not', async () => {
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const silent = server.services.storage.alerts
      .openOrSince(since)
      .filter((a) => a.type === 'gender_violence');
    expect(silent.length).toBeGreaterThan(0);
    for (const who of ['vecino1', 'oficial1', undefined]) {
      for (const p of ['/api/city', '/api/me']) {
        for (const coding of ['br', 'gzip', 'identity']) {
          const res = await get(p, { 'accept-encoding': coding }, who);
          for (const alert of silent) expect(decoded(res), `${p} ${who}`).not.toContain(alert.id);
        }
      }
    }
  });
});

describe('Accept-Encoding', () => {
  it('prefers brotli, takes q-values, and reads nonsense as no preference', () => {
    const all = ['br', 'gzip', 'identity'] as const;
    expect(chooseCoding('gzip, deflate, br', all)).toBe('br');
    expect(chooseCoding('br;q=0, gzip', all)).toBe('gzip');
    expect(chooseCoding('identity;q=1, gzip;q=0.5', all)).toBe('identity');
    expect(chooseCoding(undefined, all)).toBe('identity');
    expect(chooseCoding('x-gzip', all)).toBe('gzip');
    expect(chooseCoding('*;q=0', all)).toBe('identity');
    for (const bad of ['', ';', 'br;q=NaN', 'gzip;q=-1', '\u0000'])
      expect(all).toContain(chooseCoding(bad, all));
  });
});
