import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

/**
 * The analyses never hold the sync server's event loop: while a batch of uncached figures
 * computes (seconds of work), the loop that serves sockets and routes (this process: the test
 * server runs in it) keeps answering within a fraction of that.
 */
let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = (await server.login('analista1')).token;
  // The thread's start (tsx, the study region) is not what is measured.
  await server.request('/api/observatory/hours', { token });
}, 60_000);

afterAll(() => server.close());

describe('the event loop while the observatory computes', () => {
  it('stays free: its longest stall is a small part of the work', async () => {
    const paths = ['count', 'harm', 'rate'].flatMap((layer) =>
      ['2024-12-01', '2025-06-01'].map(
        (from) => `/api/observatory/hotspots?layer=${layer}&from=${from}&to=2026-11-30`,
      ),
    );
    paths.push('/api/observatory/emerging?from=2024-12-01&to=2026-11-30');
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const started = performance.now();
    const answers = await Promise.all(paths.map((p) => server.request(p, { token })));
    const workMs = performance.now() - started;
    h.disable();
    expect(answers.map((r) => r.status)).toEqual(paths.map(() => 200));
    const stallMs = h.max / 1e6;
    expect(workMs).toBeGreaterThan(300);
    expect(stallMs).toBeLessThan(Math.max(100, workMs / 6));
  }, 60_000);
});
