/**
 * What one `/metrics` scrape of the process's series costs the event loop with many sockets
 * open: `node --import tsx bench/scrape-micro.ts [socket pairs, default 5000]`. CPU time of
 * `registry.metrics()` (process.cpuUsage, median of 9, alternating), prom-client's defaults
 * against the server's process registry (server/metrics/process.ts).
 */
import net from 'node:net';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { processRegistry } from '../server/metrics/process.js';

const pairs = Number(process.argv[2] ?? 5000);

async function main(): Promise<void> {
  const server = net.createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  const sockets: net.Socket[] = [];
  for (let i = 0; i < pairs; i++) {
    sockets.push(net.connect(port, '127.0.0.1'));
    if (i % 500 === 499) await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  const ours = processRegistry();
  const cpuMs = async (registry: Registry) => {
    const start = process.cpuUsage();
    await registry.metrics();
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
  };
  for (let i = 0; i < 3; i++) await Promise.all([cpuMs(defaults), cpuMs(ours)]);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 9; i++) {
    a.push(await cpuMs(defaults));
    b.push(await cpuMs(ours));
  }
  const median = (x: number[]) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)]!.toFixed(2);
  console.log(
    `${pairs} loopback socket pairs: one scrape's CPU, median of 9: prom-client defaults ${median(a)} ms, the server's ${median(b)} ms`,
  );
  for (const s of sockets) s.destroy();
  server.close();
}

void main().then(() => process.exit(0));
