import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MAX_MESSAGE_BYTES, MessageType } from '../../sync/protocol.js';
import type { SocketUser } from '../storage/storage.js';
import type { Room } from './room.js';

/** Above this many bytes waiting in the socket, the client is too slow: close, it resyncs. */
const MAX_BUFFERED = 4 * 1024 * 1024;

/** Why a client's update was not applied, and the close code that says so. */
export interface UpdateRefusal {
  code: number;
  reason: string;
}

export interface ConnectionHandlers {
  /** A client's update to apply: returns a refusal, or null when accepted. */
  onUpdate(conn: Connection, update: Uint8Array): UpdateRefusal | null;
  /** The client finished its half of the initial sync. */
  onSynced(conn: Connection): void;
  /** A message this connection could not handle; it is closed with 4400 after this. */
  onError(conn: Connection, error: unknown): void;
}

/** One authenticated, authorized socket in one room. */
export class Connection {
  /** presence ids this connection owns; null until it sends presence (residents never do) */
  awarenessIds: Set<number> | null = null;
  closed = false;
  /** performance.now() of the last message sent: the keep-alive skips a busy connection */
  lastSentAt = 0;
  /** the last `stored` receipt sent, so a receipt already sent is not sent again */
  private lastReceipt: Uint8Array | null = null;
  /** the keep-alive wheel's slot (KeepAlive) */
  keepaliveSlot = -1;
  private corked = false;

  constructor(
    readonly ws: WebSocket,
    /** the raw socket under `ws`: corked while a message is answered (see `handle`) */
    private readonly socket: Duplex,
    readonly room: Room,
    readonly user: SocketUser,
    readonly tokenHash: string,
    readonly writable: boolean,
    /** the source address, for the per-address socket cap */
    readonly address: string,
    private readonly handlers: ConnectionHandlers,
  ) {}

  start(): void {
    // Server speaks first: its state vector, then current presence.
    this.send(this.room.syncStep1());
    const awareness = this.room.awareness;
    if (awareness && awareness.getStates().size > 0) {
      this.send(
        awarenessMessage(
          awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]),
        ),
      );
    }
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      this.close(CloseCode.slowConsumer, 'too slow');
      return;
    }
    this.lastSentAt = performance.now();
    this.ws.send(message);
  }

  /**
   * A message framed once for a whole fan-out (`binaryFrame`), written as it is: one write,
   * no framing per reader. Straight to the socket under `ws`, which queues nothing of its own
   * without per-message deflate, so frames never interleave; `bufferedAmount` still counts it.
   */
  sendFrame(frame: Buffer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      this.close(CloseCode.slowConsumer, 'too slow');
      return;
    }
    this.lastSentAt = performance.now();
    this.socket.write(frame);
  }

  /** The room's latest `stored` receipt, unless this connection already has it. */
  sendReceipt(force = false): void {
    const receipt = this.room.storedMsg;
    if (!force && receipt === this.lastReceipt) return;
    this.lastReceipt = receipt;
    this.send(receipt);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // A close reason may hold at most 123 bytes.
    this.ws.close(code, Buffer.from(reason).subarray(0, 120).toString());
  }

  handle(data: Uint8Array): void {
    // Whatever this turn answers (sync step 2 and the receipt at connect) leaves in one
    // write: on loopback each write is ~50–200 µs of the server's CPU at city scale (bench).
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    if (data.byteLength > MAX_MESSAGE_BYTES) {
      this.close(CloseCode.tooLarge, 'message too large');
      return;
    }
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) this.handleSync(decoder);
      else if (type === MessageType.awareness) this.handleAwareness(decoder);
      // Other message types (auth, query-awareness) carry nothing we act on.
    } catch (error) {
      // Bytes we could not read, or a handler that failed on them: this socket ends, the
      // process does not. 4400 is final for the client, which keeps its copy (not 4403).
      this.handlers.onError(this, error);
      this.close(CloseCode.badRequest, 'malformed message');
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const sub = decoding.readVarUint(decoder);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      const sv = decoding.readVarUint8Array(decoder);
      // The whole state: never with a server write that is not durable yet (Room.whenDurable).
      this.room.whenDurable(() => this.send(this.room.syncStep2(sv)));
      return;
    }
    if (sub !== syncProtocol.messageYjsSyncStep2 && sub !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoder);
    const refusal = this.handlers.onUpdate(this, update);
    if (refusal) {
      this.close(refusal.code, refusal.reason);
      return;
    }
    if (sub === syncProtocol.messageYjsSyncStep2) this.handlers.onSynced(this);
  }

  private handleAwareness(decoder: decoding.Decoder): void {
    const awareness = this.room.awareness;
    if (!awareness) return; // residents' and area rooms carry no presence
    const update = decoding.readVarUint8Array(decoder);
    awarenessProtocol.applyAwarenessUpdate(awareness, this.stampUser(update), this);
  }

  /**
   * Rewrites every state in a presence update so that `user` is the session's user: no
   * client can pose as another. A presence id belongs to the first connection that used
   * it, until that connection closes: entries for ids another connection owns are dropped,
   * so no one can overwrite or remove someone else's presence. Remembers the ids so they
   * are removed on close.
   */
  private stampUser(update: Uint8Array): Uint8Array {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: { clientId: number; clock: number; stamped: unknown }[] = [];
    const owners = this.room.awarenessOwners;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const raw = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(raw);
      const owner = owners.get(clientId);
      if (owner !== undefined && owner !== this) continue;
      owners.set(clientId, this);
      (this.awarenessIds ??= new Set()).add(clientId);
      const stamped =
        state === null || typeof state !== 'object'
          ? null
          : {
              ...state,
              user: { id: this.user.id, name: this.user.name, role: this.user.role },
            };
      entries.push({ clientId, clock, stamped });
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const { clientId, clock, stamped } of entries) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(stamped));
    }
    return encoding.toUint8Array(encoder);
  }
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
