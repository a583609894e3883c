import * as Y from 'yjs';
import type { AlertTypeCode, Fix, OpsAlert, UserAlert } from '../../shared/types.js';
import type { SyncedRoom } from './room.js';
import { requestBackgroundSync } from './outbox.js';

/** Plain objects out of a room's `alerts` map; nested Yjs types become plain JSON. */
export function readAlerts<T = UserAlert>(doc: Y.Doc): T[] {
  const out: T[] = [];
  doc.getMap('alerts').forEach((value) => {
    if (value instanceof Y.Map) out.push(value.toJSON() as T);
  });
  return out;
}

export type { OpsAlert };

/**
 * Raises an alert: written into the phone's copy of the resident's room first and
 * persisted in IndexedDB before this resolves; the network carries it when it can.
 */
export async function raiseAlert(
  room: SyncedRoom,
  type: AlertTypeCode,
  location: Fix | null,
  note: string,
): Promise<string> {
  const id = crypto.randomUUID();
  const fields = { id, type, createdAt: new Date().toISOString(), location, note };
  room.doc.transact(() => room.doc.getMap('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))));
  await room.persisted();
  // Whatever the socket looks like: one that looks open may be dead (client/data/watchdog.ts),
  // and the resident may close the app before it delivers. The worker then posts it.
  void requestBackgroundSync();
  return id;
}

/** The reporter's "it was a mistake": set once; the server turns it into `cancelled`. */
export function cancelAlert(room: SyncedRoom, id: string): void {
  const rec = room.doc.getMap('alerts').get(id);
  if (!(rec instanceof Y.Map) || rec.has('cancelledAt')) return;
  rec.set('cancelledAt', new Date().toISOString());
  void room.persisted().then(requestBackgroundSync);
}
