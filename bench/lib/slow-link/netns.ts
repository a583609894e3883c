import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { LaneStats } from './lane.js';
import type { FlapSchedule, LinkShape } from './profiles.js';

/** Every namespace and device this phase creates starts with this, so a later run can find leftovers. */
export const PREFIX = 'sacsl';
const HERE = import.meta.dirname;

const ip = (...args: string[]): string =>
  execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const quiet = (...args: string[]): void => {
  try {
    ip(...args);
  } catch {
    // already gone
  }
};
const alive = (pid: number): boolean => fs.existsSync(`/proc/${pid}`);

/** Why this machine cannot run the phase, or null when it can (root, a TUN device, `ip`, python3). */
export function unavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root (a network namespace needs root)';
  try {
    fs.accessSync('/dev/net/tun', fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    return 'no /dev/net/tun';
  }
  for (const [cmd, arg] of [
    ['ip', '-V'],
    ['python3', '--version'],
  ] as const) {
    try {
      execFileSync(cmd, [arg], { stdio: 'ignore' });
    } catch {
      return `no ${cmd}`;
    }
  }
  return null;
}

/**
 * Namespaces and devices of earlier runs that crashed before cleaning up: ours by name,
 * their creator (the pid in the name) gone. Nothing without our prefix is touched.
 */
export function removeStale(): string[] {
  const removed: string[] = [];
  for (const line of ip('netns', 'list').split('\n')) {
    const m = new RegExp(`^(${PREFIX}-(\\d+))\\b`).exec(line);
    if (m && !alive(Number(m[2]))) {
      quiet('netns', 'del', m[1]!);
      removed.push(m[1]!);
    }
  }
  for (const line of ip('-o', 'link', 'show').split('\n')) {
    const m = new RegExp(`^\\d+: (${PREFIX}(\\d+)[hn])[:@]`).exec(line);
    if (m && !alive(Number(m[2]))) {
      quiet('link', 'del', m[1]!);
      removed.push(m[1]!);
    }
  }
  return removed;
}

/**
 * A resident's network namespace joined to the host through the emulated link: two TUN
 * devices, one in each, and forwarder.ts between them. The host side is `hostAddr`, the
 * phone `nsAddr` (a /32 pair of 10.213.x.0/24, inside namespaces we create only). A server
 * bound to `hostAddr` is reached from the namespace only through the link.
 */
export class SlowLink {
  readonly ns: string;
  readonly hostAddr: string;
  readonly nsAddr: string;
  private readonly hostDev: string;
  private readonly nsDev: string;
  private proc: ChildProcess | null = null;
  private waiters: ((msg: Record<string, unknown>) => boolean)[] = [];
  /** link changes the forwarder applied (flapping), epoch ms */
  readonly changes: { link: 'up' | 'down'; at: number }[] = [];
  private readonly onExit = () => this.closeSync();

  constructor(id = process.pid) {
    this.ns = `${PREFIX}-${id}`;
    this.hostDev = `${PREFIX}${id}h`;
    this.nsDev = `${PREFIX}${id}n`;
    const net = id % 250;
    this.hostAddr = `10.213.${net}.1`;
    this.nsAddr = `10.213.${net}.2`;
  }

  async start(): Promise<void> {
    process.once('exit', this.onExit);
    ip('netns', 'add', this.ns);
    const inNs = (...args: string[]) => ip('netns', 'exec', this.ns, ...args);
    inNs('ip', 'link', 'set', 'lo', 'up');
    const tsx = ['--import', 'tsx', path.join(HERE, 'forwarder.ts')];
    this.proc = spawn(
      'python3',
      [path.join(HERE, 'tun-open.py'), this.hostDev, this.nsDev, '--', process.execPath, ...tsx],
      { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, UV_THREADPOOL_SIZE: '8' } },
    );
    readline.createInterface({ input: this.proc.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as Record<string, unknown>;
      if (msg.link === 'up' || msg.link === 'down')
        this.changes.push({ link: msg.link, at: msg.at as number });
      this.waiters = this.waiters.filter((w) => !w(msg));
    });
    await this.wait((m) => m.ready === true, 30_000);
    ip('link', 'set', this.nsDev, 'netns', this.ns);
    ip('addr', 'add', this.hostAddr, 'peer', this.nsAddr, 'dev', this.hostDev);
    ip('link', 'set', this.hostDev, 'up');
    inNs('ip', 'addr', 'add', this.nsAddr, 'peer', this.hostAddr, 'dev', this.nsDev);
    inNs('ip', 'link', 'set', this.nsDev, 'up');
  }

  /** A Chromium that runs inside the namespace (Playwright speaks to it over a pipe). */
  chromiumWrapper(dir: string, binary: string): string {
    const file = path.join(dir, 'chromium-in-namespace.sh');
    fs.writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${this.ns} ${binary} "$@"\n`, {
      mode: 0o755,
    });
    return file;
  }

  setShape(shape: LinkShape): void {
    this.send({ shape });
  }

  /** Starts flapping from `t0` (epoch ms), or stops it (link up) with null. */
  setFlap(flap: FlapSchedule | null, t0: number): void {
    this.send({ flap, t0 });
  }

  async stats(): Promise<{ down: LaneStats; up: LaneStats }> {
    let got: { down: LaneStats; up: LaneStats } | null = null;
    const answered = this.wait((m) => {
      if (!m.stats) return false;
      got = m.stats as { down: LaneStats; up: LaneStats };
      return true;
    }, 5000);
    this.send({ stats: true });
    await answered;
    return got!;
  }

  private send(msg: unknown): void {
    this.proc?.stdin?.write(JSON.stringify(msg) + '\n');
  }

  private wait(match: (m: Record<string, unknown>) => boolean, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('link emulator did not answer')), ms);
      const exited = () => reject(new Error('link emulator exited'));
      this.proc?.once('exit', exited);
      this.waiters.push((m) => {
        if (!match(m)) return false;
        clearTimeout(timer);
        this.proc?.off('exit', exited);
        resolve();
        return true;
      });
    });
  }

  /** Stops the emulator (its TUN devices go with it) and deletes the namespace. */
  closeSync(): void {
    process.off('exit', this.onExit);
    if (this.proc && this.proc.exitCode === null) this.proc.kill('SIGKILL');
    this.proc = null;
    quiet('netns', 'del', this.ns);
    quiet('link', 'del', this.hostDev);
  }
}
