import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/server.js';

/** The e2e server: the demo city in a fresh temporary data directory every run. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-e2e-'));
// Every test registers from this one address: the hourly budget per address would stop
// the suite, not an abuser. A sign-in made to wait stays waiting for ten minutes, so the
// screens that show it (e2e/abuse-screens.spec.ts) see it however slow the machine is.
const config = loadConfig({
  REGISTER_PER_ADDRESS_PER_HOUR: '200',
  LOGIN_LOCK_SECONDS: '600',
  ...process.env,
  DEMO: '1',
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
});
const running = await startServer(config);
console.log(`e2e server ${running.url} data=${dataDir}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
