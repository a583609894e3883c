import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { act, field, open, raise, type Person } from '../console/testing.js';
import { until, type TestSyncClient } from '../testing/sync-client.js';
import { issueApiKey } from '../integrations/keys.js';
import { STAGE_KEYS } from './lifecycle.js';
import { capErrors, eventually, Poller, tag } from './testing.js';

/**
 * Who may read the CAP feed (holders of a live key with the `cap` scope, nobody else), what it
 * never shows (a silent alert at any step, an alert held back by the threshold), and how
 * cheaply a poller every minute is answered (304 on its validators).
 */
let server: TestServer;
let op: Person;
let ops: TestSyncClient;
let poller: Poller;
const keys = { cap: '', open311: '', revoked: '' };

beforeAll(async () => {
  server = await startTestServer();
  op = (await server.login('operador1')) as Person;
  ops = await open(server, 'ops', op);
  const storage = server.services.storage;
  const issue = (scopes: ('cap' | 'open311')[]) =>
    issueApiKey(storage, { name: 'Sistema', scopes, by: op.user.id });
  keys.cap = issue(['cap', 'open311']).key;
  keys.open311 = issue(['open311']).key;
  const revoked = issue(['cap']);
  storage.apiClients.revoke(revoked.client.id, new Date().toISOString(), op.user.id);
  keys.revoked = revoked.key;
  poller = new Poller(server.url, keys.cap);
});
afterAll(async () => {
  ops.close();
  await server.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

async function raiseAs(username: string, type: 'general' | 'gender_violence') {
  const who = (await server.login(username)) as Person;
  const home = server.services.storage.users.byId(who.user.id)!.home!;
  const own = await open(server, `user:${who.user.id}`, who);
  return { own, id: await raise(own, ops, type, home) };
}

describe('access to the CAP feed', () => {
  it('refuses a request without a key, with a bad, revoked or other-scope key, or a session', async () => {
    const feed = '/cap/alerts.atom';
    const none = await get(feed);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="cap"');
    expect(none.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(tag(await none.text(), 'code')).toBe('unauthenticated');

    for (const [key, status, code] of [
      ['sac_not-a-real-key', 401, 'invalid_key'],
      [keys.revoked, 401, 'invalid_key'],
      [op.token, 401, 'invalid_key'], // an operator's session is not a key for other systems
      [keys.open311, 403, 'forbidden'],
    ] as const) {
      const bearer = await get(feed, { authorization: `Bearer ${key}` });
      expect(bearer.status, code).toBe(status);
      expect(tag(await bearer.text(), 'code')).toBe(code);
      const query = await get(`${feed}?api_key=${encodeURIComponent(key)}`);
      expect(query.status, code).toBe(status);
      await query.body?.cancel();
    }
    // The messages are behind the same door.
    expect((await get('/cap/messages/sac.x.alert.xml')).status).toBe(401);
    expect((await get(`/cap/alerts.atom?api_key=${keys.cap}`)).status).toBe(200);
    expect((await poller.get(feed)).headers.get('content-type')).toBe(
      'application/atom+xml; charset=utf-8',
    );
  });

  it('answers a poller that already has the index with 304 and no body', async () => {
    const first = await poller.get('/cap/alerts.atom');
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    await first.text();
    const again = await poller.get('/cap/alerts.atom', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const since = await poller.get('/cap/alerts.atom', { 'if-modified-since': modified });
    expect(since.status).toBe(304);
    const stale = await poller.get('/cap/alerts.atom', { 'if-none-match': '"other"' });
    expect(stale.status).toBe(200);
    await stale.text();
  });

  it('answers unknown paths, odd identifiers and writes with a small XML error', async () => {
    for (const path of [
      '/cap/nothing',
      '/cap/messages/sac.x.alert.json',
      `/cap/messages/sac.${'a'.repeat(5000)}.alert.xml`,
      '/cap/messages/..%2F..%2Fpackage.json',
      '/cap/messages/sac.00000000-0000-4000-8000-000000000000.other.xml',
    ]) {
      const res = await poller.get(path);
      expect(res.status, path).toBe(404);
      expect(tag(await res.text(), 'code')).toBe('not_found');
    }
    const post = await fetch(`${server.url}/cap/alerts.atom`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.cap}` },
      body: '<x/>',
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('what the CAP feed never shows', () => {
  it('a silent alert, at any step, in the index or by its guessed address', async () => {
    const { own, id } = await raiseAs('vecino31', 'gender_violence');
    const hidden = async () => {
      const { body } = await poller.index();
      expect(body).not.toContain(id);
      for (const step of STAGE_KEYS)
        expect((await poller.get(`/cap/messages/sac.${id}.${step}.xml`)).status).toBe(404);
      expect(server.services.storage.cap.byId(id)).toBeUndefined();
    };
    await hidden();
    for (const fields of [
      { status: 'acknowledged' },
      { status: 'dispatched', assignedUnit: 'unit-5' },
      { status: 'on_scene' },
      { status: 'resolved', outcome: 'attended' },
    ]) {
      act(ops, id, fields);
      await until(() => field(ops, id, 'status') === fields.status);
      await eventually(
        async () => server.services.storage.alerts.byId(id)?.status === fields.status,
      );
      await hidden();
    }
    own.close();
  });

  it('an alert held back by the threshold, until an operator releases it', async () => {
    const { own, id: first } = await raiseAs('vecino32', 'general');
    const home = server.services.storage.users.byUsername('vecino32')!.home!;
    await raise(own, ops, 'general', home);
    await raise(own, ops, 'general', home);
    const held = await raise(own, ops, 'general', home);
    expect(server.services.storage.alerts.byId(held)?.flagged).toBe(true);
    act(ops, held, { status: 'acknowledged' });
    await eventually(
      async () => server.services.storage.alerts.byId(held)?.status === 'acknowledged',
    );
    expect(await poller.entryOf(held)).toBeUndefined();
    expect((await poller.get(`/cap/messages/sac.${held}.alert.xml`)).status).toBe(404);
    expect(await poller.entryOf(first)).toBeUndefined(); // never verified

    const res = await server.request(`/api/console/alerts/${held}/release`, {
      method: 'POST',
      token: op.token,
    });
    expect(res.status).toBe(202);
    const href = await eventually(() => poller.entryOf(held));
    const message = await poller.message(href);
    expect(tag(message, 'msgType')).toBe('Alert');
    expect(await capErrors([message])).toEqual([]);
    own.close();
  });
});
