import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, MessageType } from '../../sync/protocol.js';
import { db as phoneDb, type SacDb } from './db.js';
import { postUpdate } from './outbox.js';
import { ReceiptWatchdog } from './watchdog.js';
import type { Rescued } from './rescue.js';
import { raise, uncoveredItems } from './state-vector.js';

/** Local writes come from here; the tag keeps them from being stored twice. */
const FROM_DISK = Symbol('disk');
/** The server's reply to an HTTP post: the server has it, like what the socket brings. */
const FROM_HTTP = Symbol('http');
const COMPACT_AFTER = 40;

export type RoomStatus = 'offline' | 'connecting' | 'online';

/** Where a room keeps its copy and how it reaches the server: the browser's, or a test's. */
export interface RoomIo {
  db: SacDb;
  /** the sync endpoint, `ws(s)://host/sync` */
  syncUrl: () => string;
  WebSocket?: typeof WebSocket;
  fetch: typeof fetch;
}

const browserIo: RoomIo = {
  db: phoneDb,
  syncUrl: () => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`,
  fetch: (input, init) => fetch(input, init),
};

/**
 * One synced room on the phone: a Yjs doc loaded from IndexedDB (Dexie) before the
 * network, kept there on every change, and carried by y-websocket when there is signal.
 * `pending` is true while some local change is not yet covered by the server's `stored`
 * receipt (DESIGN §4): that, not "sent", is what the UI calls saved on the server.
 */
export class SyncedRoom extends EventTarget {
  doc = new Y.Doc();
  status: RoomStatus = 'offline';
  /** true once the first exchange with the server has completed in this session */
  synced = false;
  private stored = new Map<number, number>();
  private provider: WebsocketProvider | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private destroyed = false;
  /** records kept through a refusal, written back once the server's copy has arrived */
  private rescued: Rescued[] = [];
  /** refusals since the server last stored everything this phone had */
  private refusals = 0;
  /** the provider stopped on a final close code and has not been reconnected since */
  private closedForGood = false;
  /** A write whose receipt is late means a dead socket: reconnect and post over HTTP. */
  private readonly watchdog = new ReceiptWatchdog({
    pending: () => this.pending,
    reconnect: () => {
      // The server said reconnecting is pointless (4400–4499): not the watchdog's to undo.
      if (this.closedForGood) return;
      // disconnect() drops the socket at once, however dead; connect() opens a fresh one
      // now, not after the provider's back-off.
      this.provider?.disconnect();
      this.provider?.connect();
    },
    connectingFor: () => (this.connectingSince === null ? null : Date.now() - this.connectingSince),
    post: (signal) => this.postPending(signal),
  });

  private readonly db: SacDb;
  /** when the current socket started connecting (each attempt); null while open or closed */
  private connectingSince: number | null = null;
  private markOpen: () => void = () => undefined;
  private readonly firstOpen = new Promise<void>((resolve) => (this.markOpen = resolve));

  constructor(
    readonly name: string,
    private readonly io: RoomIo = browserIo,
  ) {
    super();
    this.db = io.db;
  }

  /** Loads the phone's copy, then connects (after `connectAfter`); resolves once it is readable. */
  async open(connectAfter?: Promise<unknown>): Promise<void> {
    await this.loadLocal();
    // Saved in an earlier session and not receipted: waited on like a write made now.
    if (this.pending) this.watchdog.wrote(false);
    if (!connectAfter) return this.connect();
    void connectAfter.then(() => {
      if (!this.destroyed) this.connect();
    });
  }

  /**
   * When this room's socket first opens, or after `ms` if it hangs. A browser connects one
   * WebSocket per host at a time: a room that waits on this never handshakes before it.
   */
  openedWithin(ms: number): Promise<void> {
    return Promise.race([this.firstOpen, new Promise<void>((r) => setTimeout(r, ms))]);
  }

  private async loadLocal(): Promise<void> {
    const rows = await this.db.updates.where('room').equals(this.name).toArray();
    const meta = await this.db.meta.get(this.name);
    Y.transact(this.doc, () => rows.forEach((r) => Y.applyUpdate(this.doc, r.data, FROM_DISK)), FROM_DISK);
    if (meta) this.stored = Y.decodeStateVector(meta.stored);
    if (meta?.rescued) this.rescued = JSON.parse(meta.rescued) as Rescued[];
    if (rows.length > COMPACT_AFTER) await this.compact(rows.map((r) => r.id!));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_DISK) return;
      const remote = origin === FROM_HTTP || (origin !== null && origin === this.provider);
      if (!remote) this.watchdog.wrote(this.status === 'online');
      this.writes = this.writes.then(() => this.db.updates.add({ room: this.name, data: update }));
      // What the server sent, the server has (and every phone that holds it would send it
      // again): it counts as covered, like a receipt. The server confirms a writer at once
      // but the room's readers only about once a second (server/sync/sync-server.ts), so a
      // partner's record or a dispatch is never shown as "only on this phone".
      if (remote)
        this.cover(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)));
      this.changed();
    });
  }

  private async compact(ids: number[]): Promise<void> {
    const merged = Y.encodeStateAsUpdate(this.doc);
    await this.db.transaction('rw', this.db.updates, async () => {
      await this.db.updates.bulkDelete(ids);
      await this.db.updates.add({ room: this.name, data: merged });
    });
  }

  /** Resolves when every change so far is in IndexedDB: a reload or crash loses nothing. */
  persisted(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  private connect(): void {
    const provider = new WebsocketProvider(this.io.syncUrl(), this.name, this.doc, {
      connect: false,
      ...(this.io.WebSocket ? { WebSocketPolyfill: this.io.WebSocket } : {}),
      disableBc: true,
      maxBackoffTime: 5000,
    });
    // Residents send no presence (DESIGN §4); staff rooms set theirs explicitly.
    provider.awareness.setLocalState(null);
    provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      // The server repeats its receipt as a keep-alive: an unchanged one is neither written
      // to IndexedDB nor re-rendered (every 20 s per room, on a phone's battery).
      this.receipt(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
      if (!this.pending && !this.rescued.length) this.refusals = 0;
    };
    provider.on('status', ({ status }) => {
      this.status = status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline';
      this.connectingSince = status === 'connecting' ? Date.now() : null;
      if (status === 'connected') {
        this.watchdog.opened();
        this.markOpen();
      }
      this.changed();
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) this.watchdog.synced();
      if (synced && this.rescued.length) void this.restore();
      if (synced && !this.synced) {
        this.synced = true;
        this.changed();
      }
    });
    provider.on('closed', ({ code, reason }) => {
      this.closedForGood = true;
      void this.onFinalClose(code, reason);
    });
    this.provider = provider;
    this.closedForGood = false;
    provider.connect();
  }

  private async onFinalClose(code: number, reason: string): Promise<void> {
    if (this.destroyed) return;
    if (code === CloseCode.unauthorized) {
      this.watchdog.stop();
      this.dispatchEvent(new Event('unauthorized'));
      return;
    }
    if (code === CloseCode.forbidden) {
      // The server refused our copy: take the server's (DESIGN §4), but keep every record made
      // here that it has not stored, to write again once its copy is in (client/data/rescue.ts).
      this.provider?.destroy();
      this.refusals++;
      const { rescue, merge } = await import('./rescue.js');
      await this.writes;
      // Taken once every earlier write is on disk, so a record raised meanwhile is in it.
      const rescued = merge(this.rescued, rescue(this.doc, this.name, this.stored, reason));
      await this.db.transaction('rw', this.db.updates, this.db.meta, async () => {
        await this.db.updates.where('room').equals(this.name).delete();
        await this.db.meta.delete(this.name);
        if (rescued.length)
          await this.db.meta.put({
            room: this.name,
            stored: Y.encodeStateVector(new Y.Doc()),
            rescued: JSON.stringify(rescued),
          });
      });
      this.doc.destroy();
      this.doc = new Y.Doc();
      this.stored = new Map();
      this.rescued = [];
      await this.loadLocal();
      if (this.refusals < 2) {
        this.connect();
      } else {
        // Refused again with them: what the phone wrote is not acceptable as it is. It stays
        // on the phone, shown as not delivered (with the fallbacks), tried again at next open.
        await this.restore();
        this.status = 'offline';
        this.watchdog.stop();
      }
      this.dispatchEvent(new Event('reset'));
    }
  }

  /** Writes the records kept through a refusal into the server's copy, now that it is here. */
  private async restore(): Promise<void> {
    const items = this.rescued;
    this.rescued = [];
    const { restore } = await import('./rescue.js');
    restore(this.doc, items);
    const stored = Y.encodeStateVector(this.stored);
    this.writes = this.writes.then(() => this.db.meta.put({ room: this.name, stored }));
  }

  /**
   * A `stored` receipt, by socket or in an HTTP reply. Only one that covers a change made here
   * tells the watchdog: a keep-alive repeats the last receipt, and a receipt that only covers
   * the server's own writes says nothing about ours.
   */
  private receipt(sv: Map<number, number>): void {
    const before = this.uncovered();
    if (!this.cover(sv)) return;
    if (this.uncovered() < before) this.watchdog.receipt();
    this.changed();
  }

  /** What is pending, over HTTP while the socket is late (the watchdog runs it). */
  private async postPending(signal: AbortSignal): Promise<void> {
    const update = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.stored));
    const reply = await postUpdate(this.name, update, this.io.fetch, signal);
    // Refused over HTTP is refused over the socket too, which handles it (onFinalClose).
    if (reply === 'refused') throw new Error(`${this.name}: refused over HTTP`);
    if (this.destroyed) return;
    // As if the socket brought it: the provider does not send it back to the server.
    Y.applyUpdate(this.doc, reply, this.provider ?? FROM_HTTP);
    this.receipt(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(reply)));
  }

  /** Counts `sv` as held by the server (a receipt, or what the server sent); true if new. */
  private cover(sv: Map<number, number>): boolean {
    if (!raise(this.stored, sv)) return false;
    const stored = Y.encodeStateVector(this.stored);
    this.writes = this.writes.then(() => this.db.meta.put({ room: this.name, stored }));
    return true;
  }

  /** True while a change made on this phone is not yet durably stored on the server. */
  get pending(): boolean {
    return this.uncovered() > 0;
  }

  /** How many items of this copy the server's receipts do not cover yet. */
  private uncovered(): number {
    return uncoveredItems(this.doc, this.stored);
  }

  /**
   * True when this record is durably stored on the server: its creation and every value it
   * now shows are covered by the server's `stored` receipt (DESIGN §4). A record only on this
   * phone, or with a change not yet stored, is false. Lets a view mark each record.
   */
  isStored<E>(type: Y.AbstractType<E>): boolean {
    const covered = (item: Y.Item | null): boolean =>
      item === null || (this.stored.get(item.id.client) ?? 0) >= item.id.clock + item.length;
    if (!covered(type._item)) return false;
    for (const item of type._map.values()) if (!item.deleted && !covered(item)) return false;
    return true;
  }

  get awareness() {
    return this.provider?.awareness ?? null;
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  destroy(): void {
    this.destroyed = true;
    this.watchdog.stop();
    this.provider?.destroy();
    this.doc.destroy();
  }
}
