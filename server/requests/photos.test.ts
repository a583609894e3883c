import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { hashPassword } from '../auth/passwords.js';
import { DEMO_PASSWORD } from '../../shared/demo-city.js';
import type { SessionUser } from '../../shared/types.js';
import type { RequestHistoryEntry } from '../../shared/request-view.js';
import { GPS_MARK, JPEG, PNG, jpegWithExif, pngSized } from './testing/photos.js';

type Login = { token: string; user: SessionUser };
let server: TestServer;
let resident: Login;
let neighbour: Login;
let stranger: Login;
let officer: Login;
let operator: Login;
let own: TestSyncClient;
let ops: TestSyncClient;

/** A resident of the same area as `vecino3`: who may see a published photo, and no more. */
async function addNeighbour(areaId: string): Promise<Login> {
  server.services.storage.users.insert({
    id: randomUUID(),
    username: 'vecina-de-al-lado',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    role: 'citizen',
    status: 'active',
    name: 'Vecina De Al Lado',
    phone: null,
    address: null,
    home: null,
    areaId,
    unitId: null,
    showName: true,
  });
  return server.login('vecina-de-al-lado');
}

beforeAll(async () => {
  server = await startTestServer();
  resident = await server.login('vecino3');
  stranger = await server.login('vecino1');
  officer = await server.login('oficial1');
  operator = await server.login('operador1');
  neighbour = await addNeighbour(resident.user.areaId!);
  own = new TestSyncClient(server.url, `user:${resident.user.id}`, resident.token);
  ops = new TestSyncClient(server.url, 'ops', operator.token);
  await until(() => own.synced && ops.synced);
});
afterAll(async () => {
  own.close();
  ops.close();
  await server.close();
});

const rec = (c: TestSyncClient, id: string) =>
  c.map('requests').get(id) as Y.Map<unknown> | undefined;

/** Files a request at the resident's home (so in their area) and waits for its receipt. */
async function fileOne(): Promise<string> {
  const home = server.services.storage.users.byId(resident.user.id)!.home!;
  const id = randomUUID();
  const fields = {
    id,
    category: 'trash',
    description: 'Basura acumulada en la vereda',
    location: { ...home, accuracy: 0 },
    createdAt: new Date().toISOString(),
  };
  own.doc.transact(() => own.map('requests').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await until(() => rec(own, id)?.get('status') === 'open' && rec(ops, id) !== undefined);
  return id;
}

const put = (id: string, who: Login | null, body: Uint8Array, type = 'image/jpeg') =>
  server.request(`/api/requests/${id}/photo`, {
    method: 'PUT',
    token: who?.token,
    headers: { 'content-type': type },
    body: new Uint8Array(body),
  });
const get = (id: string, who: Login | null, headers: Record<string, string> = {}) =>
  server.request(`/api/requests/${id}/photo`, { token: who?.token, headers });
const publish = (id: string, who: Login) =>
  server.request(`/api/requests/${id}/photo/publish`, { method: 'POST', token: who.token });
/**
 * An upload past the cap, over plain `http`: the server answers 413 before reading it all and
 * closes, which fetch reports as a failed request rather than the answer.
 */
function putRaw(id: string, who: Login, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/api/requests/${id}/photo`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${who.token}`,
        'content-type': 'image/jpeg',
        'content-length': bytes,
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const big = Buffer.alloc(bytes);
    big.set(JPEG);
    req.end(big);
  });
}
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('a request’s photo', () => {
  it('is stored without its EXIF, owner-only, and shown to the reporter and operators', async () => {
    const id = await fileOne();
    const res = await put(id, resident, jpegWithExif());
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      photo: { at: expect.any(String), width: 8, height: 6 },
    });

    const file = path.join(server.dataDir, 'photos', id);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(file).toString('latin1')).not.toContain(GPS_MARK);

    for (const who of [resident, operator]) {
      const got = await get(id, who);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/jpeg');
      expect(got.headers.get('cache-control')).toBe('private, no-cache');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await got.arrayBuffer());
      expect(bytes.equals(Buffer.from(JPEG))).toBe(true);
      // Asked again with its tag: not sent twice, but still asked (and so still checked).
      const again = await get(id, who, { 'if-none-match': got.headers.get('etag')! });
      expect(again.status).toBe(304);
    }

    // Both records say there is one; operators see it in the history, by name.
    await until(() => rec(own, id)?.get('photo') !== undefined);
    await until(() => rec(ops, id)?.get('photo') !== undefined);
    const history = rec(ops, id)!.get('history') as RequestHistoryEntry[];
    expect(history.map((h) => h.kind)).toEqual(['filed', 'photo']);
    expect(history[1]!.name).toBe(server.services.storage.users.byId(resident.user.id)!.name);
  });

  it('is refused past 2 MB, when not an image, too large in pixels, or a second time', async () => {
    const id = await fileOne();
    const tooBig = await putRaw(id, resident, 2 * 1024 * 1024 + 1);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toEqual({
      error: { code: 'too_large', message: 'The photo is larger than 2 MB.' },
    });

    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    expect((await put(id, resident, svg)).status).toBe(415);
    expect((await put(id, resident, svg, 'image/svg+xml')).status).toBe(415);
    expect((await put(id, resident, JPEG, 'text/plain')).status).toBe(415);
    expect((await put(id, resident, new Uint8Array())).status).toBe(415);
    const huge = await put(id, resident, pngSized(20000, 20000), 'image/png');
    expect(huge.status).toBe(422);
    expect((await errorOf(huge)).message).toMatch(/4096/);

    // The declared type need not match: the bytes say what it is.
    expect((await put(id, resident, PNG, 'image/jpeg')).status).toBe(201);
    const second = await put(id, resident, JPEG);
    expect(second.status).toBe(409);
    expect((await errorOf(second)).code).toBe('conflict');
    expect((await get(id, resident)).headers.get('content-type')).toBe('image/png');
  });

  it('cannot be sent, read or published by anyone it is not for', async () => {
    const id = await fileOne();
    // Another resident cannot attach a photo to someone else's request, nor learn it exists.
    const theirs = await put(id, stranger, JPEG);
    expect(theirs.status).toBe(404);
    expect(await put(randomUUID(), stranger, JPEG).then((r) => r.status)).toBe(404);
    expect(await put('../../sac.db', resident, JPEG).then((r) => r.status)).toBe(404);
    expect((await put(id, null, JPEG)).status).toBe(401);
    expect((await put(id, operator, JPEG)).status).toBe(404);
    expect((await put(id, resident, JPEG)).status).toBe(201);

    // Cross-site: a page elsewhere cannot post it with the resident's cookie.
    const cross = await server.request(`/api/requests/${id}/photo/publish`, {
      method: 'POST',
      token: operator.token,
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);

    // Before publication: only the reporter and staff.
    for (const who of [stranger, neighbour, officer]) expect((await get(id, who)).status).toBe(404);
    expect((await get(id, null)).status).toBe(401);
    for (const who of [resident, neighbour, officer])
      expect((await publish(id, who)).status).toBe(403);
    expect(server.services.storage.requests.photo(id)?.publishedAt).toBeNull();
  });

  it('once an operator publishes it (audited), neighbours of the area and officers see it', async () => {
    const id = await fileOne();
    expect((await publish(id, operator)).status).toBe(404); // no photo yet
    expect((await put(id, resident, JPEG)).status).toBe(201);
    const res = await publish(id, operator);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ photo: { publishedAt: expect.any(String) } });
    expect((await publish(id, operator)).status).toBe(200);
    const audited = server.services.storage.console
      .audit({ limit: 500, action: 'request.photo_published' })
      .filter((e) => e.subject === id);
    expect(audited.map((e) => [e.action, e.actorId])).toEqual([
      ['request.photo_published', operator.user.id],
    ]);

    for (const who of [neighbour, officer]) expect((await get(id, who)).status).toBe(200);
    // A resident of another area is not a neighbour of this request.
    expect(stranger.user.areaId).not.toBe(resident.user.areaId);
    expect((await get(id, stranger)).status).toBe(404);

    await until(
      () => (rec(own, id)?.get('photo') as { publishedAt?: string })?.publishedAt !== undefined,
    );
    await until(() =>
      ((rec(ops, id)?.get('history') ?? []) as RequestHistoryEntry[]).some(
        (h) => h.kind === 'photo_published',
      ),
    );
    const entry = (rec(ops, id)!.get('history') as RequestHistoryEntry[]).find(
      (h) => h.kind === 'photo_published',
    )!;
    expect(entry).toMatchObject({
      by: operator.user.id,
      name: server.services.storage.users.byId(operator.user.id)!.name,
    });
  });

  it('is in no public view: not in the area room, not in the city, not in another’s room', async () => {
    const id = await fileOne();
    expect((await put(id, resident, JPEG)).status).toBe(201);
    await publish(id, operator);
    const area = new TestSyncClient(server.url, `area:${resident.user.areaId}`, neighbour.token);
    const theirs = new TestSyncClient(server.url, `user:${neighbour.user.id}`, neighbour.token);
    await until(() => area.synced && theirs.synced);
    for (const c of [area, theirs]) {
      const all = JSON.stringify(c.doc.toJSON());
      expect(all).not.toContain(id);
      expect(all).not.toContain('photo');
    }
    area.close();
    theirs.close();
    const city = await (await server.request('/api/city')).text();
    expect(city).not.toContain(id);
  });
});
