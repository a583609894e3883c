import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { RoomRef } from '../../sync/rooms.js';
import type { Connection } from './connection.js';
import { binaryFrame } from './frame.js';
import { LOAD, isOrigin } from './origin.js';
import { MessageType } from '../../sync/protocol.js';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** A room's stored state: its snapshot, the log after it, and the log's last seq. */
export interface RoomLog {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastSeq: number;
}

/** Distinct client state vectors whose reply is kept; a few cover the common cases. */
const MAX_SYNC_REPLIES = 4;

/** Presence is allowed only where staff work together (DESIGN §4). */
const HAS_PRESENCE = (ref: RoomRef): boolean => ref.kind === 'ops' || ref.kind === 'unit';

/**
 * One loaded room: its document, its connections and its place in the update log. The
 * document is the in-memory replica; SQLite holds the log it was built from.
 */
export class Room {
  // A fixed guid: a random one costs ~1 ms of entropy per room load at city scale (bench).
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
  readonly conns = new Set<Connection>();
  /** presence client id → the connection that first used it (Connection.stampUser) */
  readonly awarenessOwners = new Map<number, Connection>();
  /** seq of the last update of this room in the log */
  lastSeq = 0;
  /** updates appended since the last snapshot; compaction resets it */
  sinceSnapshot = 0;
  idleTimer: NodeJS.Timeout | null = null;
  /** pending deferred compaction (SyncServer.scheduleCompaction) */
  compactTimer: NodeJS.Timeout | null = null;
  /** performance.now() of the last commit that touched this room */
  lastCommitAt = 0;
  /** The last `stored` receipt: the state vector of what is durable. */
  storedMsg: Uint8Array = new Uint8Array();
  /** updates applied and not yet committed: while 0, `storedMsg` covers the whole doc */
  uncommitted = 0;
  /** the coalesced receipt to the room's readers (SyncServer) */
  receiptTimer: NodeJS.Timeout | null = null;
  /** the server's own updates applied and not yet durable: no socket may see them yet */
  private held = 0;
  /** work waiting until the doc holds nothing of the server's that is not durable */
  private waiting: (() => void)[] = [];
  /** Sync step 2 replies by the client's state vector, until the doc changes. */
  private readonly syncReplies = new Map<string, Uint8Array>();

  constructor(
    readonly name: string,
    readonly ref: RoomRef,
    log: RoomLog,
    onUpdate: (room: Room, update: Uint8Array, origin: unknown) => void,
  ) {
    this.doc = new Y.Doc({ gc: true, guid: name });
    this.awareness = HAS_PRESENCE(ref) ? new Awareness(this.doc) : null;
    // The server is not a presence participant.
    this.awareness?.setLocalState(null);
    // Loaded before anyone listens: with an `update` listener Yjs would re-encode the whole
    // stored state as one update, only for us to drop it (~200 ms for `ops` at start-up).
    Y.transact(
      this.doc,
      () => {
        if (log.snapshot) Y.applyUpdate(this.doc, log.snapshot, LOAD);
        for (const u of log.updates) Y.applyUpdate(this.doc, u, LOAD);
      },
      LOAD,
    );
    this.lastSeq = log.lastSeq;
    this.sinceSnapshot = log.updates.length;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.syncReplies.clear();
      if (isOrigin(origin) && origin.kind === 'load') return;
      onUpdate(this, update, origin);
    });
  }

  /** Sends one encoded message to every connection but `except`, framed once for all. */
  broadcast(message: Uint8Array, except: Connection | null = null): void {
    const others = this.conns.size - (except && this.conns.has(except) ? 1 : 0);
    if (others === 0) return;
    const frame = binaryFrame(message);
    for (const conn of this.conns) if (conn !== except) conn.sendFrame(frame);
  }

  /**
   * The sync step 2 message for a client at state vector `sv`. Encoding is O(room size)
   * whatever the client lacks; clients that connect together to an unchanged room (a new
   * client's empty vector, or an up-to-date one after a restart) share one encoding.
   */
  syncStep2(sv: Uint8Array): Uint8Array {
    const key = Buffer.from(sv.buffer, sv.byteOffset, sv.byteLength).toString('latin1');
    const cached = this.syncReplies.get(key);
    if (cached) return cached;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, sv));
    const message = encoding.toUint8Array(encoder);
    if (this.syncReplies.size < MAX_SYNC_REPLIES) this.syncReplies.set(key, message);
    return message;
  }

  /** A server update was applied; it is relayed (and `release`d) once durable. */
  hold(): void {
    this.held++;
  }

  release(): void {
    this.held--;
    if (this.held > 0 || !this.waiting.length) return;
    const waiting = this.waiting;
    this.waiting = [];
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
    else this.waiting.push(fn);
  }

  /**
   * The `stored` receipt: the state vector of what the log holds. `pending`: updates applied
   * to the doc but not yet committed, which it must not cover.
   */
  storedMessage(pending: Uint8Array[] = []): Uint8Array {
    let vector = Y.encodeStateVector(this.doc);
    if (pending.length) vector = encodeStateVector(capped(Y.decodeStateVector(vector), pending));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.stored);
    encoding.writeVarUint8Array(encoder, vector);
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    this.waiting = [];
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    if (this.receiptTimer) clearTimeout(this.receiptTimer);
    this.awareness?.destroy();
    this.doc.destroy();
  }
}

/** `sv` lowered to the first clock of each client that `pending` updates write. */
function capped(sv: Map<number, number>, pending: Uint8Array[]): Map<number, number> {
  for (const update of pending) {
    for (const struct of Y.decodeUpdate(update).structs) {
      const { client, clock } = struct.id;
      if ((sv.get(client) ?? 0) > clock) sv.set(client, clock);
    }
  }
  return sv;
}

/** A state vector in the wire format of `Y.encodeStateVector`. */
function encodeStateVector(sv: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sv.size);
  // Highest client first, as Yjs writes it (the order carries no meaning).
  for (const [client, clock] of [...sv].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
