import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { observatoryDataset } from '../storage/sqlite/observatory.js';
import { Dataset, type DatasetCity } from './dataset.js';
import { runJob, type AnalysisJob } from './jobs.js';

/** Started by analysis-thread.mjs; see worker.ts for the messages. */
const { file, city } = workerData as { file: string; city: DatasetCity };
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const dataset = new Dataset(observatoryDataset(db), city);

parentPort?.on('message', (m: { id: number; job: AnalysisJob } | 'close') => {
  if (m === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  try {
    // One read transaction per job: every row it reads is of one moment of the data.
    const result = db.transaction(() => runJob(dataset, m.job))();
    parentPort?.postMessage({ id: m.id, result });
  } catch (error) {
    parentPort?.postMessage({ id: m.id, error: String(error) });
  }
});
parentPort?.postMessage('ready');
