import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throw-away PostgreSQL cluster: its own data directory, socket directory and port. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
  port: number;
  /** the postmaster's process id */
  pid: number;
  dir: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the cluster (fast shutdown) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const APT_HINT =
  'On Debian or Ubuntu: apt-get install -y --no-install-recommends postgresql ' +
  '(or set PG_BIN to the folder holding initdb and postgres)';

/** PG_BIN if set, else Debian's layout (/usr/lib/postgresql/<major>/bin, newest), else PATH. */
export function findPostgresBin(
  env: NodeJS.ProcessEnv = process.env,
  debian = '/usr/lib/postgresql',
): string {
  const has = (dir: string) =>
    fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'));
  if (env.PG_BIN) {
    if (has(env.PG_BIN)) return env.PG_BIN;
    throw new Error(`PG_BIN=${env.PG_BIN} holds no initdb and postgres. ${APT_HINT}`);
  }
  const majors = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    if (has(path.join(debian, major, 'bin'))) return path.join(debian, major, 'bin');
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && has(dir)) return dir;
  }
  throw new Error(`PostgreSQL's server binaries (initdb, postgres) were not found. ${APT_HINT}`);
}

const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => fs.existsSync(f));

/**
 * initdb and postgres refuse to run as root; as root (CI, this image) they run as Debian's
 * `postgres` user. setpriv's `--pdeathsig` kills the server if this process dies without its
 * exit hook (SIGKILL, a crashed test worker), so no cluster outlives the tests that made it.
 * Without setpriv (not Linux) a normal user runs them directly, without that guard.
 */
function asPostgres(file: string, args: string[]): [string, string[]] {
  const root = process.getuid?.() === 0;
  if (!setpriv) {
    if (root) throw new Error('setpriv (util-linux) is needed to run PostgreSQL as root');
    return [file, args];
  }
  const wrap = ['--pdeathsig=QUIT'];
  if (root) wrap.push('--reuid=postgres', '--regid=postgres', '--init-groups');
  return [setpriv, [...wrap, '--', file, ...args]];
}

function chownToPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  fs.chownSync(dir, id('-u'), id('-g'));
}

/**
 * A cluster's files go to memory when there is room (/dev/shm): on this machine's disk,
 * copying the template alone took 1.9 s under load, against 0.06 s in memory. Containers
 * often give /dev/shm only 64 MB, so the disk is used below 512 MB free.
 */
function scratchBase(): string {
  try {
    const shm = fs.statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize > 512 * 2 ** 20) return '/dev/shm';
  } catch {
    // no /dev/shm (macOS): the disk
  }
  return os.tmpdir();
}

/**
 * initdb costs about a second of CPU (three under load); the cluster it makes is the same
 * every time, so it is made once per machine and version and copied per cluster (0.4 s).
 * Written beside its final name and renamed, so a concurrent or interrupted run never sees
 * half a template.
 */
function template(bin: string): string {
  const banner = execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' });
  const version = /\d+(\.\d+)+/.exec(banner)?.[0] ?? 'unknown';
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(scratchBase(), `sac-pg-template-${version}-${uid}`);
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  const scratch = fs.mkdtempSync(path.join(scratchBase(), 'sac-pg-initdb-'));
  chownToPostgres(scratch);
  const [file, args] = asPostgres(path.join(bin, 'initdb'), [
    ...['-D', path.join(scratch, 'data'), '-A', 'trust', '-U', 'postgres'],
    ...['-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions', '--wal-segsize=1'],
  ]);
  try {
    execFileSync(file, args, { stdio: 'pipe' });
    fs.renameSync(path.join(scratch, 'data'), dir);
  } catch (error) {
    // another run renamed its template first: use that one
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Clusters still running, stopped by the exit hook if their owner never called stop(). */
const running = new Map<ChildProcess, string>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const [child, dir] of running) {
      // immediate shutdown: the postmaster takes its backends with it
      child.kill('SIGQUIT');
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
  });
}

async function ready(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (exited || Date.now() > deadline) {
      const tail = fs.readFileSync(log, 'utf8').slice(-2000);
      throw new Error(`postgres ${exited ? 'exited' : 'never accepted'} at start:\n${tail}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

export interface PostgresOptions {
  /**
   * fsync and full-page writes off (the default): a test never loses the machine, and the
   * durability the tests check is PostgreSQL's transactions, not the disk's.
   */
  fast?: boolean;
}

/**
 * A cluster whose owner was killed outright (a test worker timed out) is stopped by the
 * parent-death signal, but nothing is left to remove its folder, ~30 MB of memory in
 * /dev/shm. The next start removes such folders: the server ran (postmaster.opts), no live
 * process holds it, and its log has been quiet for ten minutes, so a test that restarts its
 * server is never mistaken for one.
 */
function sweep(base: string): void {
  const dead = (pidFile: string) => {
    if (!fs.existsSync(pidFile)) return true;
    try {
      process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  };
  for (const name of fs.readdirSync(base)) {
    if (!/^sac-pg-[A-Za-z0-9]{6}$/.test(name)) continue;
    const dir = path.join(base, name);
    try {
      const ran = fs.existsSync(path.join(dir, 'data', 'postmaster.opts'));
      const quiet = Date.now() - fs.statSync(path.join(dir, 'log')).mtimeMs > 10 * 60_000;
      if (ran && quiet && dead(path.join(dir, 'data', 'postmaster.pid'))) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } catch {
      // another run's folder, going away under us
    }
  }
}

/** Starts a throw-away cluster on 127.0.0.1, a free port, a socket in its own temp dir. */
export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  const source = template(bin);
  sweep(scratchBase());
  const dir = fs.mkdtempSync(path.join(scratchBase(), 'sac-pg-'));
  chownToPostgres(dir);
  const data = path.join(dir, 'data');
  // copied as the postgres user so the files are its own (cp -a keeps mode 0700)
  execFileSync(...asPostgres('cp', ['-a', source, data]));
  const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`];
  if (options.fast !== false) settings.push('fsync=off', 'full_page_writes=off');
  hookExit();
  const log = path.join(dir, 'log');
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const logFd = fs.openSync(log, 'a');
    const [file, args] = asPostgres(path.join(bin, 'postgres'), [
      ...['-D', data, '-p', String(port)],
      ...settings.flatMap((s) => ['-c', s]),
    ]);
    const child = spawn(file, args, { stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    running.set(child, dir);
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    try {
      await ready(url(), child, log);
    } catch (error) {
      running.delete(child);
      child.kill('SIGQUIT');
      // another process took the port between the probe and the bind: try another
      if (attempt < 3 && /could not (bind|create listen)/i.test(String(error))) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return cluster(child, dir, port, url);
  }
}

function cluster(
  child: ChildProcess,
  dir: string,
  port: number,
  url: (database?: string) => string,
): TestPostgres {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    port,
    pid: child.pid!,
    dir,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`);
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      if (!running.has(child)) return;
      // fast shutdown: open sessions are cut, their transactions rolled back
      child.kill('SIGINT');
      const stuck = setTimeout(() => child.kill('SIGQUIT'), 10_000);
      await exited;
      clearTimeout(stuck);
      running.delete(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
