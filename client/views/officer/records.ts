import * as Y from 'yjs';
import type { Answer } from '../../../shared/conversations.js';
import { isShiftPlan, type ShiftPlan } from '../../../shared/plan.js';
import type { DispatchDetails } from '../../../shared/dispatch.js';
import type { Fix, RequestCategory } from '../../../shared/types.js';
import { DISPATCH_STATUSES, DISPATCH_STEP_TIMES } from '../../../sync/policy/index.js';
import type { SyncedRoom } from '../../data/room.js';
import { requestBackgroundSync } from '../../data/outbox.js';
import { keepPhoto } from '../../data/request-photos.js';

/**
 * The unit room (DESIGN §4 `unit:<id>`) as the officer's screens read and write it. Every
 * write goes into the phone's copy first (IndexedDB) and travels when there is signal; the
 * same shapes the write policy checks (sync/policy/rooms-unit.ts), so nothing is refused.
 */
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

export interface Checkin {
  id: string;
  point: string;
  kind: 'in' | 'out';
  at: string;
  location: Fix | null;
  by: string;
}

export interface ConversationRecord {
  id: string;
  at: string;
  location: Fix | null;
  answers: Record<string, Answer>;
  note: string;
  by: string;
}

export interface OfficerRequest {
  id: string;
  category: RequestCategory;
  description: string;
  location: Fix | null;
  createdAt: string;
  by: string;
  status?: string;
}

/** A dispatch as the unit's room holds it: the server's fields, then the crew's steps. */
export interface Dispatch extends DispatchDetails {
  id: string;
  alertId: string;
  type: string;
  location: Fix | null;
  note: string;
  dispatchedAt: string;
  status: DispatchStatus;
  acceptedAt?: string;
  enRouteAt?: string;
  onSceneAt?: string;
  doneAt?: string;
  /** the alert's status once the centre moved it on, and when */
  alertStatus?: string;
  alertStatusAt?: string;
}

/** A record read from the room, with whether the server has stored it (DESIGN §4 receipts). */
export interface Stored<T> {
  value: T;
  stored: boolean;
}

export function readPlans(room: SyncedRoom): ShiftPlan[] {
  const out: ShiftPlan[] = [];
  room.doc.getMap('plan').forEach((v) => isShiftPlan(v) && out.push(v));
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

export function readRecords<T>(room: SyncedRoom, collection: string): Stored<T>[] {
  const out: Stored<T>[] = [];
  room.doc.getMap(collection).forEach((v) => {
    if (v instanceof Y.Map) out.push({ value: v.toJSON() as T, stored: room.isStored(v) });
  });
  return out;
}

async function create(
  room: SyncedRoom,
  collection: string,
  fields: object,
  id: string = crypto.randomUUID(),
): Promise<string> {
  room.doc.transact(() =>
    room.doc.getMap(collection).set(id, new Y.Map<unknown>(Object.entries({ id, ...fields }))),
  );
  await room.persisted();
  void requestBackgroundSync();
  return id;
}

export function checkIn(
  room: SyncedRoom,
  by: string,
  point: string,
  kind: 'in' | 'out',
  location: Fix | null,
): Promise<string> {
  return create(room, 'checkins', { point, kind, at: new Date().toISOString(), location, by });
}

export function logConversation(
  room: SyncedRoom,
  by: string,
  answers: Record<string, Answer>,
  note: string,
  location: Fix | null,
): Promise<string> {
  return create(room, 'conversations', {
    at: new Date().toISOString(),
    location,
    answers,
    note,
    by,
  });
}

export async function fileRequest(
  room: SyncedRoom,
  by: string,
  category: RequestCategory,
  description: string,
  location: Fix | null,
  photo: Uint8Array | null = null,
): Promise<string> {
  const id = crypto.randomUUID();
  // On the phone before the request can be received: the receipt is what sends it.
  if (photo) await keepPhoto(id, photo);
  return create(
    room,
    'requests',
    { category, description, location, createdAt: new Date().toISOString(), by },
    id,
  );
}

/** The step after `status` that a crew takes (`dispatched` → `accepted` → … → `done`). */
export function nextStep(status: DispatchStatus): Exclude<DispatchStatus, 'dispatched'> | null {
  const i = DISPATCH_STATUSES.indexOf(status);
  const next = DISPATCH_STATUSES[i + 1];
  return next && next !== 'dispatched' ? next : null;
}

/** Takes the next step on a dispatch, stamped with the phone's time. */
export async function step(room: SyncedRoom, dispatchId: string): Promise<void> {
  const rec = room.doc.getMap('dispatches').get(dispatchId);
  if (!(rec instanceof Y.Map)) return;
  const to = nextStep(rec.get('status') as DispatchStatus);
  if (!to) return;
  room.doc.transact(() => {
    rec.set('status', to);
    rec.set(DISPATCH_STEP_TIMES[to], new Date().toISOString());
  });
  await room.persisted();
  void requestBackgroundSync();
}
