import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { startServer, type Running } from '../../server.js';
import { DEMO_PASSWORD } from '../../../shared/demo-city.js';
import type { SessionUser } from '../../../shared/types.js';
import type { PushOptions } from '../index.js';

export interface PushTestServer extends Running {
  dataDir: string;
  login(username: string): Promise<{ token: string; user: SessionUser }>;
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  /** Stops the server, keeping its data directory for a restart. */
  stop(): Promise<void>;
  /** Stops the server and removes its data directory. */
  close(): Promise<void>;
}

/**
 * Like `startTestServer`, plus the push test hooks and restarts on the same data directory
 * (a crash between commit and send is a stop and a start on the same SQLite file).
 */
export async function startPushTestServer(
  options: { env?: Record<string, string>; dataDir?: string; push?: PushOptions } = {},
): Promise<PushTestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sac-push-test-'));
  const config = loadConfig({
    DEMO: '1',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const running = await startServer(config, options.push ? { push: options.push } : {});
  const request = (p: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const { token, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    const body = json !== undefined ? JSON.stringify(json) : rest.body;
    return fetch(`${running.url}${p}`, { ...rest, headers, body });
  };
  return {
    ...running,
    dataDir,
    request,
    async login(username) {
      const res = await request('/api/auth/login', {
        method: 'POST',
        json: { username, password: DEMO_PASSWORD },
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
      return (await res.json()) as { token: string; user: SessionUser };
    },
    stop: () => running.close(),
    async close() {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
