import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { until } from '../testing/sync-client.js';
import type { GeoPoint } from '../../shared/types.js';
import type { OpenedAlert, OpenedDetail } from '../../shared/console.js';
import { act, field, json, open, raise, rec, type Person } from './testing.js';

/**
 * A silent alert is in no history or count outside its own audited view (DESIGN §2): not in
 * the "earlier alerts" of the same resident's other alerts, not in her false-alarm count or
 * the flagged list, not in the threshold that flags her next public alert.
 */
let server: TestServer;
let resident: Person;
let op: Person;
let home: GeoPoint;

beforeAll(async () => {
  server = await startTestServer();
  resident = (await server.login('vecino31')) as Person;
  op = (await server.login('operador2')) as Person;
  home = server.services.storage.users.byId(resident.user.id)!.home!;
});
afterAll(() => server.close());

const post = (path: string) =>
  server.request(`/api/console${path}`, { method: 'POST', token: op.token });

describe("a resident's silent alerts", () => {
  it('stay out of her other alerts’ history, her false-alarm count and the flagged list', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op);
    const closeAsFalse = async (id: string) => {
      act(ops, id, { status: 'acknowledged' });
      await until(() => field(ops, id, 'status') === 'acknowledged');
      act(ops, id, { status: 'false_alarm' });
      await until(() => server.services.storage.alerts.byId(id)?.status === 'false_alarm');
    };
    // The demo city seeded a year of her closed alerts, silent ones among them.
    const before = server.services.storage.users.byId(resident.user.id)!.falseAlarms;
    const publicOne = await raise(own, ops, 'general', home);
    await closeAsFalse(publicOne);
    const silentFalse = await raise(own, ops, 'gender_violence', home);
    await closeAsFalse(silentFalse);
    const silentCancelled = await raise(own, ops, 'gender_violence', home);
    (own.map('alerts').get(silentCancelled) as ReturnType<typeof rec>).set(
      'cancelledAt',
      new Date().toISOString(),
    );
    await until(() => field(ops, silentCancelled, 'status') === 'cancelled');
    // Two silent and one public alert in ten minutes: still under the threshold of three.
    const next = await raise(own, ops, 'medical', home);
    await server.services.sync.whenStored();

    // Her next public alert: one more false alarm, not two; not flagged; no silent alert in
    // her history, neither today's nor the seeded ones.
    expect(field(ops, next, 'reporterFalseAlarms')).toBe(before + 1);
    expect(field(ops, next, 'flagged')).toBe(false);
    const opened = await json<OpenedDetail>(await post(`/alerts/${next}/opened`));
    if (opened.audited) throw new Error('an ordinary alert is not audited');
    expect(opened.reporter.falseAlarms).toBe(before + 1);
    const listed = opened.history.map((h) => h.id);
    expect(listed[0]).toBe(publicOne);
    expect(listed).not.toContain(silentFalse);
    expect(listed).not.toContain(silentCancelled);
    expect(opened.history.filter((h) => h.type === 'gender_violence')).toEqual([]);
    const silentInSql = server.services.storage.console
      .reporterAlerts(resident.user.id, 1000)
      .filter((a) => a.type === 'gender_violence');
    expect(silentInSql).toEqual([]);

    // The directory and the flagged list agree.
    const { users } = await json<{ users: { id: string; falseAlarms: number }[] }>(
      await server.request('/api/users?status=active', { token: op.token }),
    );
    expect(users.find((u) => u.id === resident.user.id)?.falseAlarms).toBe(before + 1);
    const { reporters } = await json<{ reporters: { id: string; falseAlarms: number }[] }>(
      await server.request('/api/console/flagged', { token: op.token }),
    );
    const flagged = reporters.find((r) => r.id === resident.user.id);
    if (flagged) expect(flagged.falseAlarms).toBe(before + 1);

    // The resident's own cancel names no one in the operators' timeline.
    const timeline = rec(ops, silentCancelled).get('timeline') as { toJSON(): unknown[] };
    expect(timeline.toJSON()).toEqual([
      expect.objectContaining({ status: 'received', by: 'reporter' }),
      expect.objectContaining({ status: 'cancelled', by: 'reporter' }),
    ]);

    // Even a silent alert's own identity view lists neither itself nor her other silent alert.
    const identity = await json<OpenedAlert>(await post(`/alerts/${silentFalse}/identity`));
    expect(identity.reporter.id).toBe(resident.user.id);
    expect(identity.history.map((h) => h.id).slice(0, 2)).toEqual([next, publicOne]);
    expect(identity.history.filter((h) => h.type === 'gender_violence')).toEqual([]);
    for (const c of [own, ops]) c.close();
  });
});
