/**
 * The observatory's analysis thread (server/observatory/worker.ts): its own read-only
 * connection to the database, the dataset and the four analyses, off the event loop that
 * serves the sync sockets.
 *
 * A plain JavaScript entry that registers tsx itself and then loads the TypeScript: a worker
 * thread does not inherit `--import tsx` on Node 20, and vitest does not use tsx at all; this
 * way the thread starts the same under `npm start`, the bench and the tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import { register } from 'tsx/esm/api';

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

register();
await import('./analysis-main.ts');
