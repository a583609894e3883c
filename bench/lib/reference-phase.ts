import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Fleet } from './fleet.js';
import type { Child } from './rpc.js';
import type { ProbeApi, RelayResult } from './api.js';
import { ServerProc, benchRoot } from './server-proc.js';
import { sleep, round } from './stats.js';
import type { Options } from './args.js';
import { freePort } from './ports.js';

export interface ReferenceRun {
  server: ServerProc;
  fleet: Fleet;
  base: string;
  connections: number;
  rssIdleMb: number;
  rssAllMb: number;
  rssPerConnectionKb: number;
}

/**
 * The reference: `@y/websocket-server` holding the city's residents as one-room connections
 * (no auth, no storage), ready for relay rounds in one plain room. It stays up while our
 * server runs its own rounds, so both are measured under the same load from the machine's
 * other users (rounds alternate).
 */
export async function startReference(
  o: Options,
  work: string,
  log: (s: string) => void,
): Promise<ReferenceRun> {
  const port = await freePort();
  const server = await ServerProc.start({
    name: 'reference',
    root: benchRoot,
    script: 'bench/reference-server.ts',
    port,
    env: { NODE_ENV: 'production' },
    nodeArgs: o.traceGc ? ['--trace-gc'] : [],
    logFile: path.join(work, 'reference.log'),
    healthPath: '/',
  });
  const fleet = Fleet.forSockets(o.residents, 60);
  await sleep(1000);
  const rssIdleMb = server.rssMb();
  const base = `ws://127.0.0.1:${port}`;
  const specs = Array.from({ length: o.residents }, (_, i) => ({ path: `/u${i}`, token: null }));
  log(`reference: ${o.residents} one-room connections over ${fleet.drivers.length} drivers`);
  const c = await fleet.connect(base, specs, 300_000, log);
  if (c.synced < c.total)
    log(`  only ${c.synced}/${c.total} synced (last close ${c.lastCloseCode})`);
  await sleep(3000);
  const rssAllMb = server.rssMb();
  const perConn = ((rssAllMb - rssIdleMb) * 1024) / Math.max(1, c.synced);
  log(`reference: rss ${round(rssAllMb)} MB, ${round(perConn)} KB per connection`);
  return {
    server,
    fleet,
    base,
    connections: c.synced,
    rssIdleMb: round(rssIdleMb)!,
    rssAllMb: round(rssAllMb)!,
    rssPerConnectionKb: round(perConn)!,
  };
}

/** One round in the reference's plain room `relay`: readers, one writer, no tokens. */
export function referenceRound(
  probe: Child<ProbeApi>,
  ref: ReferenceRun,
  readers: number,
  writes: number,
  observers: number,
): Promise<RelayResult> {
  return probe.call('relay', {
    base: ref.base,
    readers: Array.from({ length: readers }, () => ({ path: '/relay', token: null })),
    writer: { path: '/relay', token: null },
    recordId: randomUUID(),
    createRecord: true,
    writerUserId: randomUUID(),
    writes,
    spacingMs: 50,
    addresses: ['127.0.0.4'],
    observers,
  });
}

export async function stopReference(ref: ReferenceRun): Promise<void> {
  await ref.fleet.stop();
  await ref.server.stop(5000);
}
