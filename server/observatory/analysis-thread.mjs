/**
 * The observatory's analysis thread (server/observatory/worker.ts): its own read-only
 * connection to the database, the dataset and the four analyses, off the event loop that
 * serves the sync sockets.
 *
 * A plain JavaScript entry that loads the compiled module when the server runs compiled
 * (`npm start`), and otherwise registers tsx itself and loads the TypeScript: a worker thread
 * does not inherit `--import tsx` on Node 20, and vitest does not use tsx at all; this way the
 * thread starts the same under `npm start`, the bench and the tests.
 */
import fs from 'node:fs';
import os from 'node:os';

// Below the main thread, as the push senders are (server/push/sender-thread.mjs): on two
// cores a year's permutations must not slow the alerts, the sirens or the operators' screens.
// Linux keeps a nice value per thread; elsewhere the thread keeps the process's priority.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0 && tid !== process.pid)
    os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not Linux, or not allowed
}

// Compiled (dist/server, `npm run build:server`), the module is JavaScript beside this file.
const compiled = new URL('./analysis-main.js', import.meta.url);
if (fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./analysis-main.ts');
}
