import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { postJson } from '../testing/raw-http.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ REGISTER_PER_ADDRESS_PER_HOUR: '20' });
});
afterAll(() => server.close());

const INPUT = {
  username: 'nueva',
  password: 'una-clave-larga',
  name: 'Nueva Vecina',
  phone: '+54 261 555 0101',
  address: 'San Martín 1200',
  home: { lat: -32.93, lng: -68.85 },
};
const register = (input: Record<string, unknown>) =>
  postJson(`${server.url}/api/auth/register`, { ...INPUT, ...input });
const error = (r: { body: string }) =>
  (JSON.parse(r.body) as { error: { code: string; field?: string } }).error;

interface Pending {
  username: string;
  name: string;
  samePhone: { username: string; status: string }[];
}

describe('registration', () => {
  it('never says a phone is registered: a duplicate is pending, flagged to the operator', async () => {
    const first = await register({});
    expect(first.status).toBe(201);
    // vecino1's phone, and the first one's again: both look exactly like a fresh number.
    const vecino1 = server.services.storage.users.byUsername('vecino1')!;
    const again = await register({ username: 'otra', phone: '+54261 5550101' });
    const theirs = await register({ username: 'tercera', phone: vecino1.phone! });
    const fresh = await register({ username: 'cuarta', phone: '+54 261 555 0199' });
    expect([again.status, theirs.status, fresh.status]).toEqual([201, 201, 201]);
    const shape = (r: { body: string }) => Object.keys(JSON.parse(r.body) as object);
    expect(shape(again)).toEqual(shape(fresh));

    const op = await server.login('operador1');
    const res = await server.request('/api/users?status=pending', { token: op.token });
    const users = ((await res.json()) as { users: Pending[] }).users;
    const by = (u: string) => users.find((p) => p.username === u)!;
    expect(by('otra').samePhone).toEqual([expect.objectContaining({ username: 'nueva' })]);
    expect(by('nueva').samePhone).toEqual([expect.objectContaining({ username: 'otra' })]);
    expect(by('tercera').samePhone).toEqual([
      expect.objectContaining({ username: 'vecino1', status: 'active' }),
    ]);
    expect(by('cuarta').samePhone).toEqual([]);
  });

  it('still refuses a taken username, and malformed input by field', async () => {
    const taken = await register({ username: 'vecino1', phone: '+54 261 555 0102' });
    expect(taken.status).toBe(409);
    expect(error(taken)).toMatchObject({ code: 'conflict', field: 'username' });
    const bad = await register({ username: 'quinta', home: { lat: 'norte', lng: -68.85 } });
    expect(bad.status).toBe(400);
    expect(error(bad)).toMatchObject({ code: 'bad_request', field: 'home.lat' });
  });

  it('normalises names and refuses control and bidirectional characters', async () => {
    const ok = await register({
      username: 'sexta',
      name: '  Ana \t Mari\u0301a  ',
      address: ' Perú   450 ',
    });
    expect(ok.status).toBe(201);
    const stored = server.services.storage.users.byUsername('sexta')!;
    expect(stored.name).toBe('Ana María');
    expect(stored.address).toBe('Perú 450');
    for (const [field, value] of [
      ['name', 'Ana\u202eaíraM'],
      ['name', 'Ana\u200bMaría'],
      ['name', 'Ana\u0007'],
      ['address', 'Perú\u2066 450'],
      ['name', '12345'],
    ] as const) {
      const r = await register({ username: 'septima', [field]: value });
      expect(r.status, JSON.stringify(value)).toBe(400);
      expect(error(r).field).toBe(field);
    }
  });

  it('keeps homes inside the city and refuses common passwords', async () => {
    const far = await register({ username: 'octava', home: { lat: -34.6, lng: -58.38 } });
    expect(far.status).toBe(400);
    expect(error(far)).toMatchObject({ code: 'outside_city', field: 'home' });
    for (const password of ['12345678', 'password1', 'octava2024', 'corta']) {
      const weak = await register({ username: 'octava', password });
      expect(weak.status, password).toBe(400);
      expect(error(weak), password).toMatchObject({ code: 'weak_password', field: 'password' });
    }
  });

  it('throttles registrations per source address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await postJson(
            `${server.url}/api/auth/register`,
            { ...INPUT, username: `lote${i}` },
            { localAddress: '127.0.0.4' },
          )
        ).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201]);
    // 127.0.0.1 has used most of its twenty attempts above (refused ones count too).
    let last = await register({ username: 'ultima1' });
    for (let i = 2; last.status !== 429 && i < 20; i++)
      last = await register({ username: `ultima${i}` });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(60);
    expect(error(last).code).toBe('too_many_attempts');
    const other = await postJson(
      `${server.url}/api/auth/register`,
      { ...INPUT, username: 'lote9' },
      { localAddress: '127.0.0.4' },
    );
    expect(other.status).toBe(201);
  });
});
