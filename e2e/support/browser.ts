import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * These machines cannot download browsers: use the system Chromium (or CHROMIUM_PATH)
 * with the flags that work here (TOOLCHAIN.md). Elsewhere Playwright's own browser is fine.
 */
export function chromiumLaunch(): LaunchOptions {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const executablePath = candidates.find((p): p is string => !!p && fs.existsSync(p));
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
