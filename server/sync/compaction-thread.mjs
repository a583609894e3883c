/**
 * The compaction thread (server/sync/compactor.ts): a room's whole state encoded from its
 * stored snapshot and log, off the event loop. The doc is built as a restarted server would
 * load it (one transaction, garbage collection on), so the state written is the one the room
 * holds.
 *
 * Plain JavaScript for the reason given in server/push/sender-thread.mjs: it starts the same
 * way under tsx, node and vitest.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

// Below the main thread, as the push senders: on two cores a compaction must not hold back
// an alert. Linux keeps a nice value per thread; elsewhere the thread stays as it is.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0 && tid !== process.pid)
    os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not Linux, or not allowed
}

parentPort?.on('message', (/** @type {{ id: number, parts: Uint8Array[] }} */ { id, parts }) => {
  try {
    const doc = new Y.Doc({ gc: true });
    Y.transact(doc, () => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    parentPort?.postMessage({ id, state }, [state.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
