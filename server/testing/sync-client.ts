import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../sync/protocol.js';

/**
 * A minimal y-websocket peer for integration tests: connects with a Bearer token, syncs a
 * doc both ways, records the server's `stored` receipts and the close code.
 */
export class TestSyncClient {
  /** Presence as the server relays it; this peer sends none unless `sendPresence` is called. */
  readonly awareness: awarenessProtocol.Awareness;
  closeCode: number | null = null;
  closeReason = '';
  stored: Map<number, number> | null = null;
  /** how many `stored` receipts arrived */
  storedCount = 0;
  /** told each `stored` receipt's state vector as it arrives */
  onStored: ((vector: Map<number, number>) => void) | null = null;
  synced = false;
  private ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  /**
   * `doc`: a document that outlives this connection, like a phone's copy kept in IndexedDB
   * across reconnections; the client stops listening to it once its socket closes.
   */
  constructor(
    baseUrl: string,
    room: string,
    token?: string,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    const url = `${baseUrl.replace(/^http/, 'ws')}/sync/${room}`;
    this.ws = new WebSocket(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this) {
        this.cover(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)));
        return;
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    };
    this.closed = new Promise((resolve) =>
      this.ws.on('close', (code, reason) => {
        this.doc.off('update', onUpdate);
        this.closeCode = code;
        this.closeReason = reason.toString();
        resolve(code);
      }),
    );
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)));
    this.doc.on('update', onUpdate);
  }

  /** Sends bytes as they are: for tests of what the server does with a hostile peer. */
  sendRaw(message: Uint8Array): void {
    this.send(message);
  }

  /** A presence update for any client id, as a hostile peer could write it. */
  sendPresence(clientId: number, clock: number, state: unknown): void {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MessageType.awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    this.send(encoding.toUint8Array(message));
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private onMessage(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const sub = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (sub === syncProtocol.messageYjsSyncStep1) {
        // Answer with our own state vector so the server sends what we lack.
        const ours = encoding.createEncoder();
        encoding.writeVarUint(ours, MessageType.sync);
        syncProtocol.writeSyncStep1(ours, this.doc);
        this.send(encoding.toUint8Array(ours));
      }
      if (sub === syncProtocol.messageYjsSyncStep2) this.synced = true;
    } else if (type === MessageType.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, 'server');
    } else if (type === MessageType.stored) {
      const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      this.cover(vector);
      this.storedCount++;
      this.onStored?.(vector);
    }
  }

  /** Like the app (client/data/room.ts): a receipt, or an update the server sent, is held there. */
  private cover(sv: Map<number, number>): void {
    const stored = (this.stored ??= new Map());
    for (const [client, clock] of sv)
      if ((stored.get(client) ?? 0) < clock) stored.set(client, clock);
  }

  /** True when every local change is covered by the server's stored receipt. */
  get allStored(): boolean {
    if (!this.stored) return false;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc)))
      if ((this.stored.get(client) ?? 0) < clock) return false;
    return true;
  }

  map(name: string): Y.Map<unknown> {
    return this.doc.getMap(name);
  }

  close(): void {
    this.awareness.destroy();
    this.ws.close();
  }
}

/** Polls until `check` holds (or throws its last error after `timeoutMs`). */
export async function until(check: () => unknown, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      if (check() !== false) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) throw last ?? new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
