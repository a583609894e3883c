import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { bbox } from '../../shared/geo.js';
import type { GeoPoint, Me } from '../../shared/types.js';

let server: TestServer;
let resident: string;
let residentId: string;
let other: string;
let operator: string;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  const r = await server.login('vecino7');
  resident = r.token;
  residentId = r.user.id;
  other = (await server.login('vecino8')).token;
  operator = (await server.login('operador1')).token;
  officer = (await server.login('oficial1')).token;
});
afterAll(() => server.close());

const call = (method: string, path: string, token: string, body?: unknown) =>
  server.request(path, {
    method,
    token,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const errorCode = async (res: Response) =>
  (await json<{ error: { code: string } }>(res)).error.code;

/** The middle of a demo area: a home there belongs to it. */
function centreOf(areaId: string): GeoPoint {
  const area = server.services.city.areas.find((a) => a.properties.id === areaId)!;
  const b = bbox(area.geometry.coordinates[0]!);
  return { lat: (b.minLat + b.maxLat) / 2, lng: (b.minLng + b.maxLng) / 2 };
}

interface Change {
  user: { id: string; name: string };
  current: { address: string; areaId: string };
  requested: { address: string; areaId: string };
}

describe("a resident's phone", () => {
  it('is changed at once, stored by its digits, audited, and shown in the profile', async () => {
    const res = await call('PATCH', '/api/me', resident, { phone: '+54 261 555-0101' });
    expect(res.status).toBe(200);
    expect((await json<Me>(res)).phone).toBe('+542615550101');
    expect(server.services.storage.users.byId(residentId)?.phone).toBe('+542615550101');
    const audit = server.services.storage.audit.list(20);
    expect(audit.some((a) => a.action === 'user.phone_changed' && a.subject === residentId)).toBe(
      true,
    );
  });

  it('refuses what is not a phone, and staff cannot use the resident route', async () => {
    expect(await errorCode(await call('PATCH', '/api/me', resident, { phone: 'call me' }))).toBe(
      'bad_request',
    );
    expect((await call('PATCH', '/api/me', officer, { phone: '2615550000' })).status).toBe(403);
  });
});

describe("a resident's new home", () => {
  it('waits for an operator while the old home stays in force', async () => {
    const before = server.services.storage.users.byId(residentId)!;
    const home = centreOf('area-12');
    const res = await call('POST', '/api/me/home', resident, { address: 'Tomba 455', home });
    expect(res.status).toBe(200);
    const me = await json<Me>(res);
    expect(me.pendingHome).toMatchObject({ address: 'Tomba 455', areaId: 'area-12' });
    // Nothing about the home in force moved: area, position, address.
    expect(me.areaId).toBe(before.areaId);
    expect(me.home).toEqual(before.home);
    const now = server.services.storage.users.byId(residentId)!;
    expect([now.areaId, now.address]).toEqual([before.areaId, before.address]);
    // The same resident sees it on a fresh read; another resident does not.
    expect((await json<Me>(await call('GET', '/api/me', resident))).pendingHome?.areaId).toBe(
      'area-12',
    );
    expect((await json<Me>(await call('GET', '/api/me', other))).pendingHome).toBeNull();
  });

  it('is refused outside the city or with extra fields', async () => {
    const far = { address: 'Somewhere 1', home: { lat: 10, lng: 10 } };
    expect(await errorCode(await call('POST', '/api/me/home', resident, far))).toBe('outside_city');
    const extra = { address: 'Tomba 1', home: centreOf('area-3'), areaId: 'area-3' };
    expect(await errorCode(await call('POST', '/api/me/home', resident, extra))).toBe(
      'bad_request',
    );
  });

  it('is listed for operators only, with the home in force to compare', async () => {
    expect((await call('GET', '/api/users/home-changes', resident)).status).toBe(403);
    expect((await call('GET', '/api/users/home-changes', officer)).status).toBe(403);
    const { changes } = await json<{ changes: Change[] }>(
      await call('GET', '/api/users/home-changes', operator),
    );
    const mine = changes.find((c) => c.user.id === residentId)!;
    expect(mine.requested).toMatchObject({ address: 'Tomba 455', areaId: 'area-12' });
    expect(mine.current.areaId).toBe('area-7');
  });

  it('cannot be approved by the resident or an officer', async () => {
    for (const token of [resident, other, officer]) {
      const res = await call('POST', `/api/users/${residentId}/home-change/approve`, token);
      expect(res.status).toBe(403);
    }
    expect(server.services.storage.users.byId(residentId)?.areaId).toBe('area-7');
  });

  it('once approved moves the home and the area, and is audited', async () => {
    const res = await call('POST', `/api/users/${residentId}/home-change/approve`, operator);
    expect(res.status).toBe(200);
    const u = server.services.storage.users.byId(residentId)!;
    expect([u.address, u.areaId]).toEqual(['Tomba 455', 'area-12']);
    expect(u.home).toEqual(centreOf('area-12'));
    const me = await json<Me>(await call('GET', '/api/me', resident));
    expect([me.areaId, me.pendingHome]).toEqual(['area-12', null]);
    const audit = server.services.storage.audit.list(20);
    expect(audit.some((a) => a.action === 'user.home_approved' && a.subject === residentId)).toBe(
      true,
    );
    // Decided once: a second approval finds nothing waiting.
    const again = await call('POST', `/api/users/${residentId}/home-change/approve`, operator);
    expect(again.status).toBe(404);
  });

  it('rejected, leaves the home as it was; a withdrawn request is gone', async () => {
    await call('POST', '/api/me/home', resident, {
      address: 'Beltrán 20',
      home: centreOf('area-2'),
    });
    const res = await call('POST', `/api/users/${residentId}/home-change/reject`, operator);
    expect(res.status).toBe(200);
    expect(server.services.storage.users.byId(residentId)?.areaId).toBe('area-12');
    await call('POST', '/api/me/home', resident, {
      address: 'Beltrán 20',
      home: centreOf('area-2'),
    });
    const withdrawn = await json<Me>(await call('DELETE', '/api/me/home', resident));
    expect(withdrawn.pendingHome).toBeNull();
    const unknown = await call('POST', '/api/users/nobody/home-change/approve', operator);
    expect(unknown.status).toBe(404);
  });
});

describe('approval notice', () => {
  it('is set when an operator approves a registration, and cleared once seen', async () => {
    const reg = await server.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'nueva.vecina',
        password: 'caracol-azul-77',
        name: 'Ana Nueva',
        phone: '261 555 0199',
        address: 'Perito Moreno 100',
        home: centreOf('area-5'),
      }),
    });
    const { user } = await json<{ user: Me }>(reg);
    expect((await call('POST', `/api/users/${user.id}/approve`, operator)).status).toBe(200);
    const token = (await server.login('nueva.vecina', 'caracol-azul-77')).token;
    expect((await json<Me>(await call('GET', '/api/me', token))).approvedNotice).toBe(true);
    // Only the resident clears their own notice, and then it is not shown again.
    expect((await call('DELETE', '/api/me/approved-notice', operator)).status).toBe(403);
    const seen = await json<Me>(await call('DELETE', '/api/me/approved-notice', token));
    expect(seen.approvedNotice).toBe(false);
    expect((await json<Me>(await call('GET', '/api/me', token))).approvedNotice).toBe(false);
  });
});
