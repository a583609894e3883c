import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

/**
 * The analyses never hold the sync server's event loop: while a batch of uncached figures
 * computes (seconds of work), the loop that serves sockets and routes (this process: the test
 * server runs in it) keeps answering. Counted in answers, not timed: computed on this thread,
 * the batch would let a request through only between two figures (seven gaps at most).
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
  it('keeps answering other requests all along', async () => {
    const paths = ['count', 'harm', 'rate'].flatMap((layer) =>
      ['2024-12-01', '2025-06-01'].map(
        (from) => `/api/observatory/hotspots?layer=${layer}&from=${from}&to=2026-11-30`,
      ),
    );
    paths.push('/api/observatory/emerging?from=2024-12-01&to=2026-11-30');
    let done = false;
    const batch = Promise.all(paths.map((p) => server.request(p, { token }))).finally(
      () => (done = true),
    );
    let answered = 0;
    while (!done) {
      expect((await server.request('/healthz')).status).toBe(200);
      answered++;
    }
    const answers = await batch;
    expect(answers.map((r) => r.status)).toEqual(paths.map(() => 200));
    console.log(`${answered} requests answered while ${paths.length} figures computed`);
    expect(answered).toBeGreaterThan(3 * paths.length);
  }, 60_000);
});
