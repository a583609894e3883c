import * as Y from 'yjs';
import type { Fix, RequestCategory } from '../../shared/types.js';
import type { REQUEST_STATUSES } from '../../sync/policy/index.js';
import type { SyncedRoom } from './room.js';
import type { RequestPhotoView } from '../../shared/request-view.js';
import { requestBackgroundSync } from './outbox.js';
import { keepPhoto } from './request-photos.js';

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** One answer of the municipality, as the server carries it back. */
export interface RequestUpdate {
  status: RequestStatus;
  reply: string;
  at: string;
}

/** A neighbour request as the reporter's room holds it (DESIGN §3, §4). */
export interface UserRequest {
  id: string;
  category: RequestCategory;
  description: string;
  location: Fix | null;
  createdAt: string;
  cancelledAt?: string;
  /** server-owned from here on */
  receivedAt?: string;
  status?: RequestStatus;
  statusAt?: string;
  reply?: string;
  updates?: RequestUpdate[];
  /** the photo the server holds (sent from this phone, client/data/request-photos.ts) */
  photo?: RequestPhotoView;
}

/** The same bounds as the write policy (sync/policy REQUEST_FIELDS): never send a refused one. */
export const DESCRIPTION_MAX = 1000;

/** The reporter's requests, newest first. */
export function readRequests(doc: Y.Doc): UserRequest[] {
  const out: UserRequest[] = [];
  doc.getMap('requests').forEach((value) => {
    if (value instanceof Y.Map) out.push(value.toJSON() as UserRequest);
  });
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Files a request like an alert: written into the phone's copy of the resident's room and
 * persisted in IndexedDB before this resolves; the network carries it when it can.
 */
export async function fileRequest(
  room: SyncedRoom,
  input: {
    category: RequestCategory;
    description: string;
    location: Fix | null;
    /** already shrunk and re-encoded (client/data/photo.ts) */
    photo?: Uint8Array | null;
  },
): Promise<string> {
  const description = input.description.trim().slice(0, DESCRIPTION_MAX);
  if (!description) throw new Error('a request needs a description');
  const id = crypto.randomUUID();
  // The photo is on the phone before the request can be received: the receipt is what sends it.
  if (input.photo) await keepPhoto(id, input.photo);
  const fields = {
    id,
    category: input.category,
    description,
    location: input.location,
    createdAt: new Date().toISOString(),
  };
  room.doc.transact(() =>
    room.doc.getMap('requests').set(id, new Y.Map<unknown>(Object.entries(fields))),
  );
  await room.persisted();
  // Even with the socket open: it may be dead, and the app may close before it delivers.
  void requestBackgroundSync();
  return id;
}

/** "No longer needed": set once; operators see it, the status stays theirs. */
export function withdrawRequest(room: SyncedRoom, id: string): void {
  const rec = room.doc.getMap('requests').get(id);
  if (rec instanceof Y.Map && !rec.has('cancelledAt'))
    rec.set('cancelledAt', new Date().toISOString());
}
