import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { until } from '../testing/sync-client.js';
import type { GeoPoint } from '../../shared/types.js';
import type { AuditEntryView, OpenedAlert, OpenedDetail } from '../../shared/console.js';
import { act, field, json, open, raise, rec, type Person } from './testing.js';
import * as Y from 'yjs';

/**
 * The audit log: every operator action and every opening of a silent alert has a
 * who, a when and a what in SQL, and only admins read it.
 */
let server: TestServer;
let resident: Person;
let op: Person;
let admin: Person;
let home: GeoPoint;

beforeAll(async () => {
  server = await startTestServer();
  resident = (await server.login('vecino22')) as Person;
  op = (await server.login('operador1')) as Person;
  admin = (await server.login('admin')) as Person;
  home = server.services.storage.users.byId(resident.user.id)!.home!;
});
afterAll(() => server.close());

const post = (path: string, who: Person) =>
  server.request(`/api/console${path}`, { method: 'POST', token: who.token });

const auditOf = async (subject: string): Promise<AuditEntryView[]> => {
  const { entries } = await json<{ entries: AuditEntryView[] }>(
    await server.request('/api/console/audit?limit=500', { token: admin.token }),
  );
  return entries.filter((e) => e.subject === subject).reverse();
};

describe('the audit log', () => {
  it('records every operator action on an alert, in order, with who and when', async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op);
    const id = await raise(own, ops, 'general', home);
    act(ops, id, { status: 'acknowledged' });
    ops.doc.transact(() => {
      (rec(ops, id).get('checklist') as Y.Map<unknown>).set('call_back', true);
      (rec(ops, id).get('notes') as Y.Array<unknown>).push([
        {
          id: crypto.randomUUID(),
          text: 'Sin respuesta',
          at: new Date().toISOString(),
          by: op.user.id,
        },
      ]);
    });
    act(ops, id, { escalatedAt: new Date().toISOString() });
    act(ops, id, { assignedUnit: 'unit-2', status: 'dispatched' });
    act(ops, id, { status: 'false_alarm' });
    await until(() => server.services.storage.alerts.byId(id)?.status === 'false_alarm');
    await server.services.sync.whenStored();

    const log = await auditOf(id);
    expect(log.map((e) => [e.action, e.detail])).toEqual([
      ['alert.acknowledged', ''],
      ['alert.note', expect.any(String)],
      ['alert.checklist', 'call_back=true'],
      ['alert.escalated', expect.any(String)],
      ['alert.dispatched', 'unit-2'],
      ['alert.false_alarm', ''],
    ]);
    for (const e of log) {
      expect(e).toMatchObject({ actorId: op.user.id, actorRole: 'operator' });
      expect(Date.parse(e.at)).not.toBeNaN();
    }
    // The false alarm counts against the reporter, and shows in the next alert's record.
    const next = await raise(own, ops, 'medical', home);
    expect(field(ops, next, 'reporterFalseAlarms')).toBe(1);
    const opened = await json<OpenedDetail>(await post(`/alerts/${next}/opened`, op));
    expect(opened.audited).toBe(false);
    expect(opened.audited === false && opened.history.map((h) => h.status)).toContain(
      'false_alarm',
    );
    expect(await auditOf(next)).toEqual([]); // opening an ordinary alert is not an action
    for (const c of [own, ops]) c.close();
  });

  it("keeps a silent alert's reporter out of ops and audits every look at it", async () => {
    const own = await open(server, `user:${resident.user.id}`, resident);
    const ops = await open(server, 'ops', op);
    const id = await raise(own, ops, 'gender_violence', home);
    const shown = rec(ops, id).toJSON();
    expect(shown).toMatchObject({ reporterName: '', reporterPhone: '', identityProtected: true });
    expect(shown).not.toHaveProperty('reporterFalseAlarms');
    // Not even her id: every operator may list users by id with name and phone.
    expect(shown).not.toHaveProperty('reporterId');
    expect(shown.timeline).toEqual([
      expect.objectContaining({ status: 'received', by: 'reporter' }),
    ]);
    expect(JSON.stringify(shown)).not.toContain(resident.user.id);
    const user = server.services.storage.users.byId(resident.user.id)!;
    expect(JSON.stringify(shown)).not.toContain(user.name);

    const opened = await json<OpenedDetail>(await post(`/alerts/${id}/opened`, op));
    expect(opened).toEqual({ audited: true });
    const identity = await json<OpenedAlert>(await post(`/alerts/${id}/identity`, op));
    expect(identity).toMatchObject({ audited: true, reporter: { name: user.name } });

    const log = await auditOf(id);
    expect(log.map((e) => [e.action, e.actorId, e.actorName])).toEqual([
      ['alert.opened', op.user.id, expect.any(String)],
      ['alert.identity_opened', op.user.id, expect.any(String)],
    ]);
    // Who looked and at what, never whom they saw: admins read this log.
    expect(JSON.stringify(log)).not.toContain(resident.user.id);
    expect(JSON.stringify(log)).not.toContain(user.name);
    for (const c of [own, ops]) c.close();
  });

  it('is readable by admins only, newest first, filtered by action', async () => {
    expect((await server.request('/api/console/audit', { token: op.token })).status).toBe(403);
    expect((await server.request('/api/console/audit')).status).toBe(401);
    const { entries } = await json<{ entries: AuditEntryView[] }>(
      await server.request('/api/console/audit?action=alert.&limit=3', { token: admin.token }),
    );
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.action.startsWith('alert.'))).toBe(true);
    expect(entries[0]!.id).toBeGreaterThan(entries[1]!.id);
    const older = await json<{ entries: AuditEntryView[] }>(
      await server.request(`/api/console/audit?before=${entries[2]!.id}&limit=1`, {
        token: admin.token,
      }),
    );
    expect(older.entries[0]!.id).toBeLessThan(entries[2]!.id);
    const bad = await server.request('/api/console/audit?limit=0', { token: admin.token });
    expect(bad.status).toBe(400);
  });

  it('records approvals and suspensions, and surfaces repeat false alarms', async () => {
    const target = server.services.storage.users.byUsername('vecino23')!;
    for (let i = 0; i < 2; i++) server.services.storage.users.incrementFalseAlarms(target.id);
    const { reporters } = await json<{ reporters: { id: string; falseAlarms: number }[] }>(
      await server.request('/api/console/flagged', { token: op.token }),
    );
    expect(reporters).toContainEqual(expect.objectContaining({ id: target.id, falseAlarms: 2 }));
    expect(
      (await server.request(`/api/users/${target.id}/suspend`, { method: 'POST', token: op.token }))
        .status,
    ).toBe(200);
    const log = await auditOf(target.id);
    expect(log.map((e) => e.action)).toEqual(['user.suspend']);
  });
});
