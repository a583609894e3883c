import Dexie, { type Table } from 'dexie';

export interface UpdateRow {
  id?: number;
  room: string;
  data: Uint8Array;
}

export interface RoomMeta {
  room: string;
  /** the server's last `stored` state vector for this room */
  stored: Uint8Array;
  /**
   * JSON of the records kept when the server refused this phone's copy (client/data/rescue.ts),
   * until they are written into the server's copy once it has arrived.
   */
  rescued?: string;
}

/**
 * A request's photo waiting on this phone until the request is received and the photo sent
 * (client/data/request-photos.ts). Bytes, not a Blob: older Safari could not keep Blobs in
 * IndexedDB.
 */
export interface PhotoRow {
  requestId: string;
  bytes: Uint8Array;
  type: 'image/jpeg';
  /** set when the server refused it for good (too large, not an image): shown, not resent */
  refused?: string;
}

/** The phone's copy of every room: an update log per room, compacted as it grows. */
export class SacDb extends Dexie {
  updates!: Table<UpdateRow, number>;
  meta!: Table<RoomMeta, string>;
  photos!: Table<PhotoRow, string>;

  constructor(name = 'sac') {
    super(name);
    this.version(1).stores({ updates: '++id, room', meta: 'room' });
    this.version(2).stores({ photos: 'requestId' });
  }
}

export const db = new SacDb();
