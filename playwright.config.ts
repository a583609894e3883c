import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './e2e/support/browser.js';
import { e2ePorts } from './e2e/support/ports.js';

// A free port unless E2E_PORT says which: two runs on one machine each get their own.
const PORT = e2ePorts().port;

/** e2e in real Chromium against the real server with a fresh SQLite file per run. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: chromiumLaunch(),
    locale: 'es-AR',
    timezoneId: 'America/Argentina/Mendoza',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node --import tsx e2e/support/serve.ts`,
    url: `http://localhost:${PORT}/healthz`,
    env: { PORT: String(PORT), LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
