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

/** The phone's copy of every room: an update log per room, compacted as it grows. */
export class SacDb extends Dexie {
  updates!: Table<UpdateRow, number>;
  meta!: Table<RoomMeta, string>;

  constructor(name = 'sac') {
    super(name);
    this.version(1).stores({ updates: '++id, room', meta: 'room' });
  }
}

export const db = new SacDb();
