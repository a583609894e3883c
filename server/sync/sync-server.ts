import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { parseRoom } from '../../sync/rooms.js';
import { CloseCode, MAX_MESSAGE_BYTES } from '../../sync/protocol.js';
import { checkUpdate } from '../../sync/policy/index.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { SocketUser, Storage, UserRow } from '../storage/storage.js';
import { withoutRecordIds, type Logger } from '../log.js';
import { Committer } from './committer.js';
import { COMPACTION, compactWhenQuiet, type CompactionTimings } from './compaction.js';
import { Compactor } from './compactor.js';
import { KeepAlive } from './keepalive.js';
import { Room } from './room.js';
import { type Connection, awarenessMessage, updateMessage } from './connection.js';
import { isOrigin, type Origin } from './origin.js';
import { DEFAULT_SOCKET_LIMITS, SocketCaps, type SocketLimits } from './socket-caps.js';
import { acceptSocket, socketHandlers, type Admission } from './accept.js';
import { REST_AFTER_MS, REST_PER_SWEEP, REST_SWEEP_MS, restIdle } from './at-rest.js';

/** Domain hooks: how the alert module learns of accepted writes. */
export interface SyncHooks {
  /** Called in the same tick an accepted client update was applied. */
  onChanges(room: Room, writer: UserRow, changes: RecordChange[]): void;
  /** Called once a room is loaded (from the log), before anyone reads or writes it. */
  onRoomLoaded?(room: Room): void;
}

/** 400: the bytes are not a Yjs update a client writes; 403: the write policy refused it. */
export type ApplyResult = { ok: true } | { ok: false; status: 400 | 403; reason: string };

/**
 * A writer is sent its `stored` receipt as soon as its update is durable; the room's other
 * connections get the latest receipt at most this often. A reader has nothing of its own to
 * confirm, and one receipt per write to every reader doubled the frames of a busy room.
 */
const READER_RECEIPT_MS = 1000;

/**
 * The sync core: rooms loaded on demand, authorized sockets, the write policy checked
 * before anything is applied, group-committed storage, `stored` receipts.
 */
export class SyncServer {
  readonly rooms = new Map<string, Room>();
  readonly committer: Committer;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES * 4 });
  private readonly byUser = new Map<string, Set<Connection>>();
  hooks: SyncHooks = { onChanges: () => {} };
  connections = 0;
  refused = 0;
  private readonly keepalive = new KeepAlive();
  private readonly compaction: CompactionTimings;
  private readonly compactor: Compactor;
  private readonly caps: SocketCaps;
  private readonly admission: Admission;
  private readonly restSweep: NodeJS.Timeout;
  /** one listener for every room's doc, not a closure per room */
  private readonly docListener = (room: Room, update: Uint8Array, origin: unknown) =>
    this.onDocUpdate(room, update, origin);

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly idleMs: number,
    compaction: Partial<CompactionTimings> = {},
    limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {
    this.compaction = { ...COMPACTION, ...compaction };
    this.compactor = new Compactor(storage, log, this.compaction.offLoopBytes);
    this.caps = new SocketCaps(limits);
    this.admission = this.makeAdmission();
    this.committer = new Committer(
      storage,
      log,
      (receipts, writers) => {
        for (const [room, receipt] of receipts) {
          room.storedMsg = receipt;
          this.scheduleReceipts(room);
          room.lastCommitAt = performance.now();
          if (room.sinceSnapshot > this.compaction.after)
            compactWhenQuiet(room, this.compaction, (r) => this.compactQuiet(r));
        }
        for (const conn of writers) conn.sendReceipt();
      },
      (rooms) => {
        // Memory is ahead of the disk: drop these rooms so they reload from the log and the
        // clients, which still hold their changes, send them again.
        for (const room of rooms) this.unload(room, CloseCode.goingAway);
      },
    );
    this.restSweep = setInterval(() => this.restIdle(REST_AFTER_MS, REST_PER_SWEEP), REST_SWEEP_MS);
    this.restSweep.unref();
  }

  /**
   * Puts back to rest up to `max` hydrated rooms untouched for `quietMs` (those that may rest
   * and hold nothing uncommitted); returns how many. The sweep calls it; tests too.
   */
  restIdle(quietMs: number, max = Infinity): number {
    return restIdle(this.rooms.values(), quietMs, max);
  }

  /** Loads a room from the log, or returns it if loaded. */
  room(name: string): Room {
    const room = this.load(name);
    this.scheduleIdle(room);
    return room;
  }

  /** Loads a room without arming its idle timer: for a connection about to attach. */
  private load(name: string): Room {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const ref = parseRoom(name);
    if (!ref) throw new Error(`bad room name ${name}`);
    const room = new Room(name, ref, this.storage.rooms.load(name), this.docListener);
    room.storedMsg = room.storedMessage();
    room.awareness?.on('update', ({ added, updated, removed }: AwarenessChange) => {
      const changed = [...added, ...updated, ...removed];
      room.broadcast(
        awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness!, changed)),
      );
    });
    this.rooms.set(name, room);
    this.hooks.onRoomLoaded?.(room);
    return room;
  }

  /**
   * A client's update is relayed at once: its writer still holds it and sends it again if a
   * crash takes it back. The server's own writes (receipts, projections) reach no socket
   * before they are durable: a phone holding a `receivedAt` the server lost would resend it
   * after a restart and be refused, as a citizen may not write it.
   */
  private onDocUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    if (isOrigin(origin) && origin.kind === 'client') {
      this.committer.append(room, update, origin.conn);
      room.broadcast(updateMessage(update), origin.conn);
      return;
    }
    room.hold();
    this.committer.append(room, update, null, () => {
      room.broadcast(updateMessage(update));
      room.release();
    });
  }

  /** The room's readers learn of its latest durable state within READER_RECEIPT_MS. */
  private scheduleReceipts(room: Room): void {
    if (room.receiptTimer) return;
    room.receiptTimer = setTimeout(() => {
      room.receiptTimer = null;
      for (const conn of room.conns) conn.sendReceipt();
    }, READER_RECEIPT_MS);
    room.receiptTimer.unref();
  }

  /** Applies a client's update after the write policy accepted it. */
  apply(room: Room, writer: SocketUser, update: Uint8Array, conn: Connection | null): ApplyResult {
    // An update that would change nothing (a client's sync at reconnect) is not judged: applied,
    // it would store, relay and change nothing, and a room at rest stays at rest.
    if (room.unchangedBy(update)) return { ok: true };
    const result = checkUpdate(
      room.ref,
      { userId: writer.id, role: writer.role, unitId: writer.unitId },
      room.doc,
      update,
    );
    if (!result.ok) {
      this.refused++;
      this.log.warn('update refused', {
        room: room.ref.kind,
        user: writer.id,
        reason: withoutRecordIds(result.reason),
      });
      return { ok: false, status: result.malformed ? 400 : 403, reason: result.reason };
    }
    // The projections read more of the writer than a socket keeps (a request's place, the
    // reporter's name): the row is read for a write that changes records, and only then.
    const row = result.changes.length ? this.storage.users.byId(writer.id) : null;
    if (row === undefined) return { ok: false, status: 403, reason: 'no such user' };
    const origin: Origin = { kind: 'client', conn, userId: writer.id };
    Y.applyUpdate(room.doc, update, origin);
    if (row) this.hooks.onChanges(room, row, result.changes);
    return { ok: true };
  }

  /** Resolves once everything applied so far is durable. */
  whenStored(): Promise<void> {
    return new Promise((resolve) => this.committer.afterCommit(resolve));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, roomPart: string): void {
    // The 101 response and the server's first sync messages leave in one write, not three.
    socket.cork();
    process.nextTick(() => socket.uncork());
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      acceptSocket(this.admission, ws, socket, req, roomPart),
    );
  }

  private makeAdmission(): Admission {
    return {
      storage: this.storage,
      log: this.log,
      caps: this.caps,
      load: (name) => this.load(name),
      attach: (conn) => this.attach(conn),
      detach: (conn) => this.detach(conn),
      handlers: socketHandlers({
        log: this.log,
        afterCommit: (fn) => this.committer.afterCommit(fn),
        apply: (room, writer, update, conn) => this.apply(room, writer, update, conn),
      }),
    };
  }

  private attach(conn: Connection): void {
    conn.room.conns.add(conn);
    this.keepalive.add(conn);
    if (conn.room.idleTimer) clearTimeout(conn.room.idleTimer);
    conn.room.idleTimer = null;
    let set = this.byUser.get(conn.user.id);
    if (!set) this.byUser.set(conn.user.id, (set = new Set()));
    set.add(conn);
    this.connections++;
  }

  private detach(conn: Connection): void {
    const room = conn.room;
    if (!room.conns.delete(conn)) return;
    this.caps.release(conn.user.id, conn.address);
    this.keepalive.remove(conn);
    conn.closed = true;
    this.connections--;
    this.byUser.get(conn.user.id)?.delete(conn);
    if (this.byUser.get(conn.user.id)?.size === 0) this.byUser.delete(conn.user.id);
    const ids = conn.awarenessIds;
    if (room.awareness && ids?.size) {
      awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
      for (const id of ids) room.awarenessOwners.delete(id);
    }
    // A room already unloaded (shutdown, reload) needs no idle timer.
    if (this.rooms.get(room.name) === room) this.scheduleIdle(room);
  }

  private scheduleIdle(room: Room): void {
    if (room.conns.size || room.idleTimer) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (!room.conns.size) this.unload(room);
    }, this.idleMs);
    room.idleTimer.unref();
  }

  /** Permissions are re-checked while connected: a suspended user is cut off at once. */
  closeUser(userId: string, code: number = CloseCode.unauthorized): void {
    for (const conn of [...(this.byUser.get(userId) ?? [])]) conn.close(code, 'session ended');
  }

  closeSession(tokenHash: string): void {
    for (const set of this.byUser.values())
      for (const conn of [...set])
        if (conn.tokenHash === tokenHash) conn.close(CloseCode.unauthorized, 'session ended');
  }

  /** Compacts a loaded room now, if it is still loaded and has a log past its snapshot. */
  compactLoaded(room: Room): void {
    // The doc may hold updates applied this turn and not yet committed: commit them first,
    // so the snapshot holds exactly the log up to `lastSeq`.
    this.committer.flush();
    if (this.rooms.get(room.name) !== room || room.sinceSnapshot === 0) return;
    this.compact(room);
  }

  /** A room quiet enough to compact: a large one on the compactor's thread, off the loop. */
  private compactQuiet(room: Room): void {
    if (this.rooms.get(room.name) !== room || room.sinceSnapshot === 0) return;
    if (!this.compactor.compact(room, (r) => this.rooms.get(r.name) === r))
      this.compactLoaded(room);
  }

  /**
   * Snapshot and pruning in one transaction: a crash leaves the old pair or the new one. A
   * failure is logged and the room keeps its log, which alone is complete.
   */
  private compact(room: Room): void {
    try {
      this.storage.rooms.compact(room.name, room.encodeState(), room.lastSeq);
      room.sinceSnapshot = 0;
      this.compactor.compactedOnLoop(room);
    } catch (error) {
      this.log.error('compaction failed', { room: room.ref.kind, error: String(error) });
    }
  }

  private unload(room: Room, closeCode?: number): void {
    if (this.rooms.get(room.name) !== room) return;
    this.committer.flush();
    if (closeCode) for (const conn of [...room.conns]) conn.close(closeCode, 'room reloading');
    if (room.sinceSnapshot > 0 && closeCode === undefined) this.compact(room);
    this.rooms.delete(room.name);
    room.destroy();
  }

  /**
   * Flushes and closes everything: used on shutdown. Sockets are cut without a close frame:
   * the clients reconnect with backoff whatever the close, and at city scale the ~19k close
   * frames and handshakes took ~6 s of a restart (bench), where cutting takes well under
   * one. Resolves when every socket is gone.
   */
  close(): Promise<void> {
    this.keepalive.stop();
    clearInterval(this.restSweep);
    // Whatever the thread is still encoding is dropped: the unloads below compact every room.
    void this.compactor.close();
    this.committer.flush();
    const sockets: WebSocket[] = [];
    const rooms = [...this.rooms.values()];
    for (const room of rooms) {
      for (const conn of room.conns) {
        conn.closed = true;
        sockets.push(conn.ws);
      }
    }
    // One transaction for every room's last compaction: one fsync, not one per room.
    this.storage.transaction(() => {
      for (const room of rooms) this.unload(room);
    });
    this.wss.close();
    const open = sockets.filter((ws) => ws.readyState !== ws.CLOSED);
    const gone = Promise.all(open.map((ws) => new Promise((r) => ws.once('close', r))));
    for (const ws of open) ws.terminate();
    // The storage closes next: every commit's sync and after-commit work is done before.
    return Promise.all([gone, this.committer.settled()]).then(() => undefined);
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
