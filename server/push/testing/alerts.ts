import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { AlertTypeCode, GeoPoint } from '../../../shared/types.js';
import type { TestSyncClient } from '../../testing/sync-client.js';

/** Raises an alert the way the app does: a new record in the resident's own room. */
export function raiseAlert(c: TestSyncClient, type: AlertTypeCode, at: GeoPoint | null): string {
  const id = randomUUID();
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    location: at ? { ...at, accuracy: 10 } : null,
    note: '',
  };
  c.doc.transact(() => c.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  return id;
}

/** The outbox keys written for an alert, read straight from the SQLite file. */
export function outboxKeys(dataDir: string, alertId: string): { key: string; done: boolean }[] {
  const db = new Database(path.join(dataDir, 'sac.db'), { readonly: true });
  try {
    return db
      .prepare<[string], { key: string; done_at: number | null }>(
        `SELECT key, done_at FROM outbox WHERE key LIKE '%' || ? || '%' ORDER BY id`,
      )
      .all(alertId)
      .map((r) => ({ key: r.key, done: r.done_at !== null }));
  } finally {
    db.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
