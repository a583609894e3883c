import * as Y from 'yjs';
import { OPS_ROOM, unitRoom, userRoom } from '../../sync/rooms.js';
import type { RequestRow, Storage } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';
import { photoView, requestHistory } from './history.js';

export const COLLECTION = 'requests';

/** The room a request was filed in, where its answers go back to. */
export const originRoom = (r: RequestRow): string =>
  r.source === 'officer' && r.unitId ? unitRoom(r.unitId) : userRoom(r.reporterId);

export function requestRecord(sync: SyncServer, room: string, id: string): Y.Map<unknown> | null {
  const value = sync.room(room).doc.getMap(COLLECTION).get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The server's additions to a request's records, from SQL: the history (operators only) and
 * the photo (both records). Written only where they differ, so calling it again, after a
 * change or at start-up, costs nothing when the rooms already show them. Returns whether
 * anything was written.
 */
export function showExtras(sync: SyncServer, storage: Storage, r: RequestRow): boolean {
  const photo = photoView(storage.requests.photo(r.id));
  let wrote = false;
  const ops = requestRecord(sync, OPS_ROOM, r.id);
  if (ops) {
    const history = requestHistory(storage, r);
    if (!same(ops.get('history'), history) || !same(ops.get('photo'), photo)) {
      ops.doc!.transact(() => {
        if (!same(ops.get('history'), history)) ops.set('history', history);
        if (photo && !same(ops.get('photo'), photo)) ops.set('photo', photo);
      }, SERVER);
      wrote = true;
    }
  }
  const own = requestRecord(sync, originRoom(r), r.id);
  if (own && photo && !same(own.get('photo'), photo)) {
    own.doc!.transact(() => own.set('photo', photo), SERVER);
    wrote = true;
  }
  return wrote;
}
