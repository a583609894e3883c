import { execFileSync } from 'node:child_process';

/**
 * A TCP port free on loopback right now, found synchronously (Playwright reads its config
 * without awaiting): a child process binds port 0 and prints what the kernel gave it.
 * Fixed ports made two runs on one machine collide.
 */
export function freePort(): number {
  const script =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/**
 * The e2e ports: E2E_PORT (the shared server) and E2E_PUSH_PORT (the push spec's own), free
 * ones unless set. Called once in Playwright's main process, which sets them in its
 * environment: the workers it starts inherit them, so every process agrees.
 */
export function e2ePorts(): { port: number; pushPort: number } {
  process.env.E2E_PORT ??= String(freePort());
  process.env.E2E_PUSH_PORT ??= String(freePort());
  return { port: Number(process.env.E2E_PORT), pushPort: Number(process.env.E2E_PUSH_PORT) };
}
