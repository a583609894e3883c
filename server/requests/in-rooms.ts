import * as Y from 'yjs';
import { OPS_ROOM, unitRoom, userRoom } from '../../sync/rooms.js';
import type { RequestRow, Storage } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';
import { photoView, requestHistory, type Filer } from './history.js';

export const COLLECTION = 'requests';

/**
 * The room a request was filed in, where its answers go back to. None for one filed through
 * Open311: its client reads the answers from the GeoReport feed (server/open311).
 */
export const originRoom = (r: RequestRow): string | null => {
  if (r.source === 'officer' && r.unitId) return unitRoom(r.unitId);
  return r.reporterId ? userRoom(r.reporterId) : null;
};

export function requestRecord(
  sync: SyncServer,
  room: string | null,
  id: string,
): Y.Map<unknown> | null {
  if (room === null) return null;
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

/**
 * Copies a stored request into `ops.requests` for operators (idempotent: a resend or a repair
 * writes nothing when it is there). Contact details an Open311 client sent go with it: `ops` is
 * operators' and admins' only, as the reporter's contact details of an alert are.
 */
export function copyToOps(sync: SyncServer, storage: Storage, r: RequestRow, filer: Filer): void {
  const ops = sync.room(OPS_ROOM).doc;
  if (ops.getMap(COLLECTION).has(r.id)) return;
  ops.transact(() => {
    const fields: Record<string, unknown> = {
      id: r.id,
      category: r.category,
      description: r.description,
      location: r.location,
      createdAt: r.createdAt,
      receivedAt: r.receivedAt,
      status: r.status,
      statusAt: r.statusAt,
      reporterName: filer.name,
      source: r.source,
      areaId: r.areaId,
    };
    fields[filer.kind === 'user' ? 'reporterId' : 'clientId'] = filer.id;
    if (r.unitId) fields.unitId = r.unitId;
    if (r.cancelledAt) fields.cancelledAt = r.cancelledAt;
    const contact = r.source === 'open311' ? storage.open311.contact(r.id) : undefined;
    if (contact) fields.contact = contact;
    ops.getMap(COLLECTION).set(r.id, new Y.Map<unknown>(Object.entries(fields)));
  }, SERVER);
  showExtras(sync, storage, r);
}
