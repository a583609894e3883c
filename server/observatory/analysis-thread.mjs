/**
 * The observatory's analysis thread (server/observatory/worker.ts): its own read-only
 * connection to the database, the dataset and the four analyses, off the event loop that
 * serves the sync sockets.
 *
 * A plain JavaScript entry that registers tsx itself and then loads the TypeScript: a worker
 * thread does not inherit `--import tsx` on Node 20, and vitest does not use tsx at all; this
 * way the thread starts the same under `npm start`, the bench and the tests.
 */
import { register } from 'tsx/esm/api';

register();
await import('./analysis-main.ts');
