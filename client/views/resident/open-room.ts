import { SyncedRoom } from '../../data/room.js';

/**
 * One of the resident's rooms, opened for `host` (the home): `read` runs on every change, and
 * a refused session tells the app (`session-expired`). Connects once `connectAfter` settles.
 */
export function openRoom(
  host: HTMLElement,
  name: string,
  read: (doc: SyncedRoom['doc']) => void,
  connectAfter?: Promise<unknown>,
): SyncedRoom {
  const room = new SyncedRoom(name);
  const refresh = () => read(room.doc);
  room.addEventListener('change', refresh);
  room.addEventListener('reset', refresh);
  room.addEventListener('unauthorized', () =>
    host.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true })),
  );
  void room.open(connectAfter).then(refresh);
  return room;
}
