import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { sleep } from './stats.js';

/** Where `npm run build` leaves the compiled server (scripts/build-server.mjs). */
export const COMPILED_MAIN = 'dist/server/server/main.js';

/** A server child process (ours or the reference) with what the bench reads from /proc. */
export class ServerProc {
  /** Every server still running: killed if the bench itself exits early. */
  static readonly running = new Set<ServerProc>();
  private exited: Promise<number | null>;
  private tail: string[] = [];

  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly url: string,
    log: fs.WriteStream,
  ) {
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      this.tail = [...this.tail, ...chunk.toString().split('\n')].slice(-20);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
    ServerProc.running.add(this);
    proc.once('exit', () => ServerProc.running.delete(this));
  }

  /**
   * Spawns `node --import tsx <script>` in `root` (`node <script>` for compiled JavaScript,
   * `tsx: false`) and waits until `healthPath` answers 200. Extra node flags (e.g.
   * `--cpu-prof`) go in `nodeArgs`.
   */
  static async start(o: {
    name: string;
    root: string;
    script: string;
    port: number;
    env: Record<string, string>;
    logFile: string;
    healthPath: string;
    nodeArgs?: string[];
    timeoutMs?: number;
    tsx?: boolean;
    /** the address it listens on (HOST), 127.0.0.1 unless given */
    host?: string;
  }): Promise<ServerProc> {
    const log = fs.createWriteStream(o.logFile, { flags: 'a' });
    const proc = spawn(
      process.execPath,
      [...(o.nodeArgs ?? []), ...(o.tsx === false ? [] : ['--import', 'tsx']), o.script],
      {
        cwd: o.root,
        env: { ...process.env, ...o.env, PORT: String(o.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const s = new ServerProc(o.name, proc, `http://${o.host ?? '127.0.0.1'}:${o.port}`, log);
    const end = Date.now() + (o.timeoutMs ?? 120_000);
    while (Date.now() < end) {
      if (proc.exitCode !== null) throw new Error(`${o.name} exited at start:\n${s.lastLines()}`);
      try {
        const res = await fetch(s.url + o.healthPath);
        if (res.ok) return s;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    proc.kill('SIGKILL');
    throw new Error(`${o.name} did not become healthy:\n${s.lastLines()}`);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  lastLines(): string {
    return this.tail.join('\n');
  }

  /** Resident set size of the process in MB (VmRSS). */
  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  /** CPU seconds (user + system) used so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
  cpuS(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** Open file descriptors of the process (the limit is 20,000 here). */
  fds(): number {
    return fs.readdirSync(`/proc/${this.pid}/fd`).length;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  async stop(graceMs = 30_000): Promise<number | null> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

process.on('exit', () => {
  for (const s of ServerProc.running) s.proc.kill('SIGKILL');
});

export const benchRoot = path.resolve(import.meta.dirname, '..', '..');
