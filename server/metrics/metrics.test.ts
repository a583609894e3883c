import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSyncClient, until } from '../testing/sync-client.js';
import { startPushTestServer, type PushTestServer } from '../push/testing/server.js';
import { PushSink } from '../push/testing/push-sink.js';
import { addMembers } from '../push/testing/members.js';
import { outboxKeys, raiseAlert, sleep } from '../push/testing/alerts.js';
import { readDemoDevices } from '../sirens/demo-devices.js';
import { SimulatedSiren } from '../sirens/sim-device.js';
import { parseExposition, type Family, type Sample } from './testing/exposition.js';

const METRICS_TOKEN = 'a-scrape-token-only-the-tests-know';
let sink: PushSink;
let server: PushTestServer;
let vapidKey = '';
const sims: SimulatedSiren[] = [];
const clients: TestSyncClient[] = [];

const scrape = (authorization?: string) =>
  fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
const families = async () =>
  parseExposition(await (await scrape(`Bearer ${METRICS_TOKEN}`)).text());
const count = (f: Map<string, Family>, name: string) =>
  f.get(name)?.samples.find((s) => s.name === `${name}_count`)?.value ?? 0;

beforeAll(async () => {
  sink = await new PushSink(() => vapidKey).start();
  server = await startPushTestServer({
    env: { PUSH_ENDPOINT_ALLOW: sink.origin, METRICS_TOKEN },
    push: { ca: sink.ca },
  });
  const op = await server.login('operador1');
  vapidKey = (
    (await (await server.request('/api/push/key', { token: op.token })).json()) as {
      publicKey: string;
    }
  ).publicKey;
  // Neighbours of vecino1 with a push subscription, and the area's siren units connected.
  addMembers(server.services.storage, 'area-1', 2, 'vecina-m', sink);
  for (const d of readDemoDevices(server.dataDir).filter((x) => x.areaId === 'area-1')) {
    const sim = new SimulatedSiren({ url: server.url, id: d.id, token: d.token }).start();
    sims.push(sim);
    await sim.opened();
  }
  const ops = new TestSyncClient(server.url, 'ops', op.token);
  clients.push(ops);
  await until(() => ops.synced);
});
afterAll(async () => {
  for (const s of sims) s.stop();
  for (const c of clients) c.close();
  await server?.close();
  await sink?.close();
});

describe('/metrics', () => {
  it('keeps its restriction: 401 without the token or with a wrong one', async () => {
    for (const auth of [undefined, `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`]) {
      const res = await scrape(auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('serves the prom-client exposition with every series kept from before', async () => {
    const res = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const f = parseExposition(await res.text());
    const types = Object.fromEntries([...f].map(([name, fam]) => [name, fam.type]));
    expect(types).toMatchObject({
      sac_connections: 'gauge',
      sac_rooms_loaded: 'gauge',
      sac_alerts_total: 'gauge',
      sac_last_commit_ms: 'gauge',
      sac_updates_refused_total: 'counter',
      sac_commits_total: 'counter',
      sac_push_total: 'counter',
      sac_siren_commands_total: 'counter',
      process_resident_memory_bytes: 'gauge',
      nodejs_heap_size_used_bytes: 'gauge',
      sac_alert_to_operators_seconds: 'histogram',
      sac_alert_to_siren_seconds: 'histogram',
      sac_alert_to_siren_ack_seconds: 'histogram',
      sac_alert_to_push_seconds: 'histogram',
      sac_commit_seconds: 'histogram',
      sac_event_loop_delay_seconds: 'histogram',
    });
    // The operators' socket opened in beforeAll is counted.
    expect(f.get('sac_connections')!.samples[0]!.value).toBeGreaterThan(0);
    const outcomes = f.get('sac_siren_commands_total')!.samples.map((s) => s.labels.outcome);
    expect(outcomes).toEqual(['sent', 'resent', 'acked', 'expired']);
  });

  it('times an alert through the real path: operators, sirens, acks, pushes, commits', async () => {
    const before = await families();
    const { token, user } = await server.login('vecino1');
    const own = new TestSyncClient(server.url, `user:${user.id}`, token);
    clients.push(own);
    await until(() => own.synced);
    const home = server.services.storage.users.byId(user.id)!.home!;
    const ids = [raiseAlert(own, 'fire', home), raiseAlert(own, 'gender_violence', home)];
    // Each siren unit acknowledged its sound; every push of the alerts was handed over.
    await until(() => sims.every((s) => s.received.length >= 1));
    await until(() => ids.every((id) => outboxKeys(server.dataDir, id).every((r) => r.done)));
    await until(() => sink.messages.length >= 2);

    // The event loop's histogram takes one observation a second.
    let after = await families();
    for (let i = 0; i < 50 && count(after, 'sac_event_loop_delay_seconds') === 0; i++) {
      await sleep(100);
      after = await families();
    }
    const grew = (name: string) => count(after, name) - count(before, name);
    // Both alerts reached the operators (the silent one too: timed, never named).
    expect(grew('sac_alert_to_operators_seconds')).toBe(2);
    expect(grew('sac_alert_to_siren_seconds')).toBe(sims.length);
    expect(grew('sac_alert_to_siren_ack_seconds')).toBe(sims.length);
    expect(grew('sac_alert_to_push_seconds')).toBeGreaterThanOrEqual(2);
    expect(grew('sac_commit_seconds')).toBeGreaterThan(0);
    for (const fam of after.values()) if (fam.type === 'histogram') expectCumulative(fam);

    // No label anywhere names an alert, a person or an area.
    const secrets = [
      ...ids,
      ...server.services.storage.users.list({}).map((u) => u.id),
      ...server.services.city.areas.map((a) => a.properties.id),
    ];
    const values = [...after.values()].flatMap((fam) =>
      fam.samples.flatMap((s) => Object.values(s.labels)),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((v) => secrets.some((secret) => v.includes(secret)))).toEqual([]);
    // The alert histograms carry no label but `le`: not even the alert's type.
    for (const name of ['operators', 'siren', 'siren_ack', 'push']) {
      const fam = after.get(`sac_alert_to_${name}_seconds`)!;
      for (const s of fam.samples)
        expect(Object.keys(s.labels).filter((k) => k !== 'le')).toEqual([]);
    }
  });
});

/** Per label set: buckets never decrease, and `+Inf` equals that set's `_count`. */
function expectCumulative(fam: Family): void {
  const key = (labels: Record<string, string>) =>
    JSON.stringify(Object.entries(labels).filter(([k]) => k !== 'le'));
  const sets = new Map<string, { buckets: Sample[]; count?: number }>();
  for (const s of fam.samples) {
    const set = sets.get(key(s.labels)) ?? { buckets: [] };
    sets.set(key(s.labels), set);
    if (s.name.endsWith('_bucket')) set.buckets.push(s);
    if (s.name.endsWith('_count')) set.count = s.value;
  }
  for (const { buckets, count } of sets.values()) {
    expect(buckets.length).toBeGreaterThan(1);
    for (let i = 1; i < buckets.length; i++)
      expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    expect(buckets.at(-1)!.labels.le).toBe('+Inf');
    expect(buckets.at(-1)!.value).toBe(count);
  }
}
