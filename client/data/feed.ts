import type * as Y from 'yjs';
import { isOpenStatus } from '../../shared/catalogue.js';
import type { AreaAlert } from '../../shared/types.js';
import { readAlerts } from './alerts.js';

/** Neighbours see an alert while it is open and for 24 h after (DESIGN §2). */
export const FEED_WINDOW_MS = 24 * 3_600_000;

/** The public alerts of the resident's area worth showing now, newest first. */
export function readFeed(doc: Y.Doc, now = Date.now()): AreaAlert[] {
  return readAlerts<AreaAlert>(doc)
    .filter((a) => isOpenStatus(a.status) || now - Date.parse(a.statusAt) < FEED_WINDOW_MS)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}
