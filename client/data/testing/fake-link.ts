import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../../sync/protocol.js';
import type { SacDb } from '../db.js';
import type { RoomIo } from '../room.js';

type Listener = ((event: { data?: ArrayBuffer; code?: number; reason?: string }) => void) | null;

/**
 * A WebSocket as y-websocket drives it, with the network taken out: the test decides when it
 * opens and what arrives. What the phone sends goes to `FakeServer`.
 */
export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  readonly OPEN = 1;
  readyState = FakeSocket.CONNECTING;
  binaryType = 'arraybuffer';
  onopen: Listener = null;
  onmessage: Listener = null;
  onclose: Listener = null;
  onerror: Listener = null;
  /** closed by the phone */
  closedByPhone = false;

  constructor(
    readonly url: string,
    private readonly server: FakeServer,
  ) {}

  send(data: ArrayBuffer | Uint8Array): void {
    this.server.fromPhone(this, new Uint8Array(data));
  }

  close(): void {
    this.closedByPhone = true;
    this.readyState = FakeSocket.CLOSED;
  }

  /** The server closes this socket with `code`. */
  closeFromServer(code: number): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason: '' });
  }

  receive(message: Uint8Array): void {
    if (this.readyState !== FakeSocket.OPEN) return;
    this.onmessage?.({ data: message.slice().buffer });
  }
}

/**
 * The server's side of a fake link: a doc, answers to sync messages and `stored` receipts after
 * `oneWayMs`; black-holed, it hears nothing (the socket stays open, as on a flapping link).
 */
export class FakeServer {
  readonly doc = new Y.Doc();
  readonly sockets: FakeSocket[] = [];
  readonly posts: { room: string; body: Uint8Array; signal: AbortSignal | null }[] = [];
  /** what reaches the server from the phone's sockets is lost */
  blackholed = false;
  /** HTTP posts never answer (until aborted) */
  httpStalled = false;
  oneWayMs = 100;
  private lastStored = Y.encodeStateVector(new Y.Doc());

  /** The `WebSocket` class for a room under test. */
  get WebSocket(): typeof WebSocket {
    const open = (url: string) => {
      const socket = new FakeSocket(url, this);
      this.sockets.push(socket);
      return socket;
    };
    // y-websocket calls `new`: a function that returns an object stands in for a class.
    return function FakeWebSocket(url: string) {
      return open(url);
    } as unknown as typeof WebSocket;
  }

  get latest(): FakeSocket {
    const s = this.sockets.at(-1);
    if (!s) throw new Error('no socket yet');
    return s;
  }

  /** The socket connects: it opens, and the server speaks first (its state vector). */
  accept(socket: FakeSocket = this.latest): void {
    socket.readyState = FakeSocket.OPEN;
    socket.onopen?.({});
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.later(socket, encoding.toUint8Array(encoder));
  }

  /** A keep-alive: the server's last receipt again, as server/sync/keepalive.ts sends it. */
  keepAlive(socket: FakeSocket = this.latest): void {
    socket.receive(storedMessage(this.lastStored));
  }

  fromPhone(socket: FakeSocket, message: Uint8Array): void {
    if (this.blackholed || socket.closedByPhone) return;
    setTimeout(() => this.handle(socket, message), this.oneWayMs);
  }

  private handle(socket: FakeSocket, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, payload);
      this.later(socket, encoding.toUint8Array(encoder));
      return;
    }
    Y.applyUpdate(this.doc, payload);
    this.lastStored = Y.encodeStateVector(this.doc);
    this.later(socket, storedMessage(this.lastStored));
  }

  private later(socket: FakeSocket, message: Uint8Array): void {
    setTimeout(() => socket.receive(message), this.oneWayMs);
  }

  /** `POST /api/sync/<room>` as server/sync/http-route.ts answers it. */
  readonly fetch = ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = init?.body as Uint8Array;
    const signal = init?.signal ?? null;
    this.posts.push({ room: decodeURIComponent(String(input).split('/').pop()!), body, signal });
    return new Promise((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new Error('aborted')));
      if (this.httpStalled) return;
      setTimeout(() => {
        Y.applyUpdate(this.doc, body);
        this.lastStored = Y.encodeStateVector(this.doc);
        resolve(new Response(Y.encodeStateAsUpdate(this.doc).slice()));
      }, 2 * this.oneWayMs);
    });
  }) as typeof fetch;

  /** Everything a room needs, with an empty phone (no IndexedDB in Node). */
  io(): RoomIo {
    return {
      db: emptyPhone(),
      syncUrl: () => 'ws://fake/sync',
      WebSocket: this.WebSocket,
      fetch: this.fetch,
    };
  }
}

export function storedMessage(sv: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.stored);
  encoding.writeVarUint8Array(encoder, sv);
  return encoding.toUint8Array(encoder);
}

/** A sync update as the server relays one. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The part of Dexie a room uses, for a phone with nothing saved yet (or these updates). */
export function emptyPhone(saved: Uint8Array[] = []): SacDb {
  const none = { toArray: () => Promise.resolve(saved.map((data, id) => ({ id, data }))) };
  return {
    updates: { where: () => ({ equals: () => none }), add: () => Promise.resolve(1) },
    meta: { get: () => Promise.resolve(undefined), put: () => Promise.resolve('') },
  } as unknown as SacDb;
}
