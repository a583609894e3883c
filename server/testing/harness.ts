import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { startServer, type Running } from '../server.js';
import { DEMO_PASSWORD } from '../../shared/demo-city.js';
import type { SessionUser } from '../../shared/types.js';

export interface TestServer extends Running {
  dataDir: string;
  login(username: string, password?: string): Promise<{ token: string; user: SessionUser }>;
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
}

/**
 * A real server on port 0 with the demo city in a fresh SQLite file in a temp dir: its people
 * and alert history, without the evaluation's plans, check-ins, conversations and imports unless
 * `DEMO_EVALUATION: '1'`. Given a `DATA_DIR`, it starts on that folder and leaves it on close:
 * a test restarts on it.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Parameters<typeof startServer>[1] = {},
): Promise<TestServer> {
  const ownDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sac-test-'));
  const config = loadConfig({
    DEMO: '1',
    // the evaluation's demo data cost seconds per server: tests that read them ask for them
    DEMO_EVALUATION: '0',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const running = await startServer(config, options);
  const request = (p: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    return fetch(`${running.url}${p}`, { ...init, headers });
  };
  return {
    ...running,
    dataDir,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const res = await request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { token: string; user: SessionUser };
    },
    async close() {
      await running.close();
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
