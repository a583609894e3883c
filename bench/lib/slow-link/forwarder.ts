/**
 * The emulated mobile link, as its own process: reads IP packets from two TUN devices
 * (fd 3 on the host, fd 4 moved into the resident's network namespace; opened by
 * tun-open.py), passes each through a Lane for its direction and writes it out the other
 * side when it arrives. Control on stdin, one JSON object a line:
 *   {"shape": LinkShape}                       change the link
 *   {"flap": FlapSchedule | null, "t0": ms}    start or stop flapping (epoch ms)
 *   {"stats": true}                            answer {"stats": {down, up}} on stdout
 * It prints {"ready": true} once reading, and {"link": "up"|"down", "at": ms} on changes.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { seededRandom } from '../../../shared/demo-city.js';
import { Lane, type LaneStats } from './lane.js';
import { isUp, nextChange } from './flap.js';
import type { FlapSchedule, LinkShape } from './profiles.js';

const HOST_FD = 3;
const NS_FD = 4;
const MTU_BUF = 65_536;
const now = (): number => performance.timeOrigin + performance.now();
const send = (o: unknown): void => void process.stdout.write(JSON.stringify(o) + '\n');

let shape: LinkShape = { rttMs: 0, rateBps: 1e9, loss: 0, queueMs: 1000 };
const seed = Number(process.env.SLOW_LINK_SEED ?? 1);
// Toward the phone (host → namespace) and from it.
const down = new Lane<Buffer>(shape, seededRandom(seed));
const up = new Lane<Buffer>(shape, seededRandom(seed + 1));
let flap: { s: FlapSchedule; t0: number } | null = null;
let flapTimer: NodeJS.Timeout | null = null;
let wake: NodeJS.Timeout | null = null;

function pump(): void {
  const t = now();
  for (const p of down.due(t)) fs.write(NS_FD, p, () => undefined);
  for (const p of up.due(t)) fs.write(HOST_FD, p, () => undefined);
  schedule();
}

function schedule(): void {
  if (wake) clearTimeout(wake);
  const next = [down.nextAt(), up.nextAt()].filter((x): x is number => x !== null);
  wake = next.length ? setTimeout(pump, Math.max(0, Math.min(...next) - now())) : null;
}

function readLoop(fd: number, lane: Lane<Buffer>): void {
  const buf = Buffer.allocUnsafe(MTU_BUF);
  fs.read(fd, buf, 0, MTU_BUF, null, (err, n) => {
    if (err) {
      console.error(`link: read from fd ${fd} failed: ${err.message}`);
      process.exit(1);
    }
    if (n > 0 && lane.offer(Buffer.from(buf.subarray(0, n)), n, now()) !== null) schedule();
    readLoop(fd, lane);
  });
}

function applyFlap(): void {
  if (flapTimer) clearTimeout(flapTimer);
  flapTimer = null;
  const t = now();
  const linkUp = flap ? isUp(flap.s, flap.t0, t) : true;
  if (linkUp !== down.isUp) send({ link: linkUp ? 'up' : 'down', at: t });
  down.setUp(linkUp);
  up.setUp(linkUp);
  if (flap) flapTimer = setTimeout(applyFlap, Math.max(1, nextChange(flap.s, flap.t0, t) - t));
}

const copy = (s: LaneStats): LaneStats => ({ ...s });
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line) as {
    shape?: LinkShape;
    flap?: FlapSchedule | null;
    t0?: number;
    stats?: boolean;
  };
  if (msg.shape) {
    shape = msg.shape;
    down.setShape(shape);
    up.setShape(shape);
  }
  if (msg.flap !== undefined) {
    flap = msg.flap ? { s: msg.flap, t0: msg.t0 ?? now() } : null;
    applyFlap();
  }
  if (msg.stats) send({ stats: { down: copy(down.stats), up: copy(up.stats) } });
});
process.stdin.on('end', () => process.exit(0));
// If the bench dies without closing our stdin (SIGKILL), this process is re-parented: go too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();

readLoop(HOST_FD, down);
readLoop(NS_FD, up);
send({ ready: true });
