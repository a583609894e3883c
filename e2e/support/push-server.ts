import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnedServer {
  url: string;
  /** the server's stdout and stderr so far, for a failing test's message */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A second e2e server for the push spec. It must trust the test push service's throw-away
 * certificate, and Node reads NODE_EXTRA_CA_CERTS only at start-up: the shared e2e server
 * (E2E_PORT) is already running by the time the spec makes its certificate.
 */
export function startPushServer(
  port: number,
  env: { certFile: string; allow: string },
): Promise<SpawnedServer> {
  return startOwnServer(port, {
    NODE_EXTRA_CA_CERTS: env.certFile,
    PUSH_ENDPOINT_ALLOW: env.allow,
  });
}

/**
 * An e2e server of a spec's own (the demo city in a fresh data directory, like the shared
 * one), for what the shared server cannot be given: environment read at start-up, a
 * client directory the spec redeploys.
 */
export async function startOwnServer(
  port: number,
  env: Record<string, string>,
): Promise<SpawnedServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://localhost:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`e2e server exited:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 30_000) throw new Error(`e2e server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
