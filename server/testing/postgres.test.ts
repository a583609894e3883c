import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBin, startPostgres } from './postgres.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    // a zombie waiting for its reaper is gone for every purpose here
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 500 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
}

/** A process that starts a cluster, says where, then ends the way `how` says. */
function owner(how: 'exit' | 'hang') {
  const script = `
    import { startPostgres } from './server/testing/postgres.ts';
    const pg = await startPostgres();
    console.log(JSON.stringify({ pid: pg.pid, dir: pg.dir }));
    ${how === 'exit' ? 'process.exit(0);' : 'setInterval(() => {}, 1000);'}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = new Promise<{ pid: number; dir: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      if (out.includes('\n')) resolve(JSON.parse(out) as { pid: number; dir: string });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before starting: ${out}`)));
  });
  return { child, started };
}

// the two owners start their clusters side by side
describe.concurrent('the throw-away PostgreSQL', () => {
  it('is stopped and removed when its process exits without stopping it', async () => {
    const { child, started } = owner('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const { pid, dir } = await started;
    expect(await exited).toBe(0);
    expect(await gone(pid)).toBe(true);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('dies with its process when that is killed outright', async () => {
    const { child, started } = owner('hang');
    const { pid, dir } = await started;
    expect(alive(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(pid)).toBe(true);
    // nothing ran to remove its folder: the next start does, once it has been quiet a while
    const log = path.join(dir, 'log');
    const next = await startPostgres();
    await next.stop();
    expect(fs.existsSync(dir)).toBe(true);
    const longAgo = new Date(Date.now() - 11 * 60_000);
    fs.utimesSync(log, longAgo, longAgo);
    const after = await startPostgres();
    await after.stop();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('names the package to install when the binaries are missing', () => {
    const env = { PATH: '/nonexistent' };
    expect(() => findPostgresBin(env, '/nonexistent')).toThrow(/apt-get install .*postgresql/);
    expect(() => findPostgresBin({ PG_BIN: '/nonexistent' })).toThrow(/PG_BIN=\/nonexistent/);
  });
});
