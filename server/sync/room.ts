import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { RoomRef } from '../../sync/rooms.js';
import { MessageType } from '../../sync/protocol.js';
import type { RoomLog } from '../storage/storage.js';
import type { Connection } from './connection.js';
import { binaryFrame } from './frame.js';
import { LOAD, isOrigin } from './origin.js';
import {
  MAY_REST,
  capped,
  docHoldsNothingNew,
  encodeStateVector,
  holdsNothingNew,
  stateOf,
} from './at-rest.js';

export type { RoomLog };

/** Called for every change to a room's doc but its loading. */
export type DocListener = (room: Room, update: Uint8Array, origin: unknown) => void;

/** Distinct client state vectors whose reply is kept; a few cover the common cases. */
const MAX_SYNC_REPLIES = 4;

/** The receipt of an empty room (a state vector of no clients). */
const EMPTY_RECEIPT = new Uint8Array([MessageType.stored, 1, 0]);

/** Presence is allowed only where staff work together (DESIGN §4). */
const HAS_PRESENCE = (ref: RoomRef): boolean => ref.kind === 'ops' || ref.kind === 'unit';

/**
 * One loaded room: its connections, its place in the update log, and its state, either as a
 * Y.Doc (hydrated) or, for a room that may rest (`MAY_REST`), as its encoded state alone. A
 * room that may rest loads at rest: a phone's sync is answered from the encoded state
 * (`syncStep1`, `syncStep2`, `unchangedBy`), and the doc is built only when something needs
 * it (`doc`: a write, the write policy's check, a server projection). `SyncServer` puts it
 * back to rest once it has been quiet. SQLite holds the log either is built from.
 */
export class Room {
  /** the doc while hydrated; null at rest */
  private current: Y.Doc | null = null;
  /** the room's whole state while at rest (an update, as `Y.encodeStateAsUpdate` writes) */
  private rest: Uint8Array | null = null;
  readonly awareness: Awareness | null;
  readonly conns = new Set<Connection>();
  /** presence client id → the connection that first used it (Connection.stampUser) */
  private owners: Map<number, Connection> | null = null;
  /** seq of the last update of this room in the log */
  lastSeq = 0;
  /** updates appended since the last snapshot; compaction resets it */
  sinceSnapshot = 0;
  idleTimer: NodeJS.Timeout | null = null;
  /** pending deferred compaction (SyncServer.scheduleCompaction) */
  compactTimer: NodeJS.Timeout | null = null;
  /** performance.now() of the last commit that touched this room */
  lastCommitAt = 0;
  /** performance.now() of the doc's last change, or of its hydration */
  lastTouchedAt = 0;
  /** The last `stored` receipt: the state vector of what is durable. */
  storedMsg: Uint8Array = new Uint8Array();
  /** updates applied and not yet durable: while 0, `storedMsg` covers the whole doc */
  uncommitted = 0;
  /** the coalesced receipt to the room's readers (SyncServer) */
  receiptTimer: NodeJS.Timeout | null = null;
  /** the server's own updates applied and not yet durable: no socket may see them yet */
  private held = 0;
  /** work waiting until the doc holds nothing of the server's that is not durable */
  private waiting: (() => void)[] | null = null;
  /** Sync step 2 replies by the client's state vector, until the doc changes (hydrated only). */
  private syncReplies: Map<string, Uint8Array> | null = null;
  private destroyed = false;
  /**
   * The server's client id in this room's doc, kept across rests: a new id per hydration would
   * add an entry to the state vector (sent in every receipt) each time the server wrote after
   * one, and an area room is written after most rests.
   */
  private clientId: number | null = null;

  constructor(
    readonly name: string,
    readonly ref: RoomRef,
    log: RoomLog,
    private readonly onUpdate: DocListener,
  ) {
    this.lastSeq = log.lastSeq;
    this.sinceSnapshot = log.updates.length;
    if (MAY_REST(ref)) {
      this.rest = stateOf(log);
      this.awareness = null;
      return;
    }
    const doc = this.build(log.snapshot, log.updates);
    this.awareness = HAS_PRESENCE(ref) ? new Awareness(doc) : null;
    // The server is not a presence participant.
    this.awareness?.setLocalState(null);
  }

  /**
   * The room's doc, built from the state at rest if need be: for whatever reads the records
   * or writes them (the write policy, a projection). Reading it keeps the room hydrated until
   * it has been quiet again for a while.
   */
  get doc(): Y.Doc {
    if (this.current) return this.current;
    const state = this.rest!;
    this.rest = null;
    return this.build(state, []);
  }

  /** Whether the room holds a Y.Doc now (false: at rest, its encoded state only). */
  get hydrated(): boolean {
    return this.current !== null;
  }

  get awarenessOwners(): Map<number, Connection> {
    return (this.owners ??= new Map());
  }

  /**
   * Loaded before anyone listens: with an `update` listener Yjs would re-encode the whole
   * stored state as one update, only for us to drop it (~200 ms for `ops` at start-up).
   */
  private build(first: Uint8Array | null, more: Uint8Array[]): Y.Doc {
    // A fixed guid: a random one costs ~1 ms of entropy per room load at city scale (bench).
    const doc = new Y.Doc({ gc: true, guid: this.name });
    Y.transact(
      doc,
      () => {
        if (first) Y.applyUpdate(doc, first, LOAD);
        for (const u of more) Y.applyUpdate(doc, u, LOAD);
      },
      LOAD,
    );
    // After loading: Yjs gives a doc a new id when a remote update writes under its own.
    if (this.clientId !== null) doc.clientID = this.clientId;
    doc.on('update', (update: Uint8Array, origin: unknown) => this.changed(doc, update, origin));
    this.current = doc;
    this.lastTouchedAt = performance.now();
    return doc;
  }

  private changed(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    if (this.destroyed) return;
    if (doc !== this.current) {
      // Written through a reference held since before the room went to rest: carried onto
      // the room's doc (built again), so the write is neither lost nor applied twice.
      Y.applyUpdate(this.doc, update, origin);
      return;
    }
    this.lastTouchedAt = performance.now();
    this.syncReplies = null;
    if (isOrigin(origin) && origin.kind === 'load') return;
    this.onUpdate(this, update, origin);
  }

  /**
   * Drops the doc and keeps the encoded state, unless the room must keep it: it cannot rest
   * (presence, observers), or holds updates not yet committed or server writes not yet
   * durable. A doc still referenced elsewhere stays usable: a write to it is carried over.
   */
  putToRest(): boolean {
    const doc = this.current;
    if (!doc || !MAY_REST(this.ref) || this.uncommitted || this.held || this.waiting?.length)
      return false;
    this.rest = Y.encodeStateAsUpdate(doc);
    this.clientId = doc.clientID;
    this.current = null;
    this.syncReplies = null;
    return true;
  }

  /** The whole state as one update: the snapshot compaction writes, the HTTP sync's reply. */
  encodeState(): Uint8Array {
    return this.current ? Y.encodeStateAsUpdate(this.current) : this.rest!;
  }

  /** The state vector of the room's state. */
  stateVector(): Uint8Array {
    return this.current
      ? Y.encodeStateVector(this.current)
      : Y.encodeStateVectorFromUpdate(this.rest!);
  }

  /**
   * True when `update` would change nothing in the room (a client's half of the sync that
   * brings nothing new): the caller skips the policy and the log, as applying it would store
   * and relay nothing, and a room at rest stays at rest.
   */
  unchangedBy(update: Uint8Array): boolean {
    return this.current
      ? docHoldsNothingNew(this.current, update)
      : holdsNothingNew(this.rest!, update);
  }

  /** Sends one encoded message to every connection but `except`, framed once for all. */
  broadcast(message: Uint8Array, except: Connection | null = null): void {
    const others = this.conns.size - (except && this.conns.has(except) ? 1 : 0);
    if (others === 0) return;
    const frame = binaryFrame(message);
    for (const conn of this.conns) if (conn !== except) conn.sendFrame(frame);
  }

  /** The server's sync step 1: its state vector. */
  syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, this.stateVector());
    return encoding.toUint8Array(encoder);
  }

  /**
   * The sync step 2 message for a client at state vector `sv`. At rest it is cut from the
   * encoded state (`Y.diffUpdate`). Hydrated, encoding is O(room size) whatever the client
   * lacks; clients that connect together to an unchanged room (a new client's empty vector,
   * or an up-to-date one after a restart) share one encoding.
   */
  syncStep2(sv: Uint8Array): Uint8Array {
    const key = Buffer.from(sv.buffer, sv.byteOffset, sv.byteLength).toString('latin1');
    const cached = this.syncReplies?.get(key);
    if (cached) return cached;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    const doc = this.current;
    encoding.writeVarUint8Array(
      encoder,
      doc ? Y.encodeStateAsUpdate(doc, sv) : Y.diffUpdate(this.rest!, sv),
    );
    const message = encoding.toUint8Array(encoder);
    // At rest nothing is kept: the copy would double the room's memory.
    if (doc) {
      const replies = (this.syncReplies ??= new Map());
      if (replies.size < MAX_SYNC_REPLIES) replies.set(key, message);
    }
    return message;
  }

  /** A server update was applied; it is relayed (and `release`d) once durable. */
  hold(): void {
    this.held++;
  }

  release(): void {
    this.held--;
    if (this.held > 0 || !this.waiting) return;
    const waiting = this.waiting;
    this.waiting = null;
    for (const fn of waiting) fn();
  }

  /**
   * Runs `fn` now, or as soon as every server write applied to the doc is durable: for
   * anything that sends the doc's whole state (a sync step 2 reply), which must never carry
   * a server write a crash could still take back (a phone would hold, and resend, a field
   * only the server may write, and be refused).
   */
  whenDurable(fn: () => void): void {
    if (this.held === 0) fn();
    else (this.waiting ??= []).push(fn);
  }

  /**
   * The `stored` receipt: the state vector of what the log holds. `pending`: updates applied
   * to the doc but not yet committed, which it must not cover.
   */
  storedMessage(pending: Uint8Array[] = []): Uint8Array {
    let vector = this.stateVector();
    if (pending.length) vector = encodeStateVector(capped(Y.decodeStateVector(vector), pending));
    // Most residents never write: their rooms share one receipt instead of a buffer each.
    if (vector.length === 1 && vector[0] === 0) return EMPTY_RECEIPT;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.stored);
    encoding.writeVarUint8Array(encoder, vector);
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    this.destroyed = true;
    this.waiting = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    if (this.receiptTimer) clearTimeout(this.receiptTimer);
    this.awareness?.destroy();
    this.current?.destroy();
  }
}
