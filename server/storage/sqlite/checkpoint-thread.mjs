/**
 * The WAL checkpointer thread (server/storage/sqlite/checkpointer.ts): its own connection to
 * the database, copying the write-ahead log back into the database file off the event loop.
 *
 * Plain JavaScript for the reason given in server/push/sender-thread.mjs: it starts the same
 * way under tsx, node and vitest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, everyMs } = /** @type {{ file: string, everyMs: number }} */ (workerData);
const db = new Database(file);

/**
 * PASSIVE: copies what no reader still needs and never waits for a lock, so the main
 * connection's commits go on appending to the log meanwhile. Once the log is all copied, the
 * next commit starts it again from the top, so it stops growing.
 */
function checkpoint() {
  try {
    const [row] = /** @type {{ busy: number, log: number, checkpointed: number }[]} */ (
      db.pragma('wal_checkpoint(PASSIVE)')
    );
    if (row && row.log > 0)
      parentPort?.postMessage({ log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}

const timer = setInterval(checkpoint, everyMs);
parentPort?.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
