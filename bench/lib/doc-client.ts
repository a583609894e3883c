import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * A y-websocket peer with a real Y.Doc, for the few clients whose content the bench reads
 * (raisers, the observing operator, area observers, the relay writer). Reconnects with the
 * same jittered backoff as the light clients; the doc survives reconnects, as on a phone.
 */
export class DocClient {
  readonly doc = new Y.Doc();
  synced = false;
  wentDown = false;
  final = false;
  closeCode: number | null = null;
  private ws: WebSocket | null = null;
  private failures = 0;
  private attempts = 0;
  private stopped = false;
  /** Called (with performance.now()) each time a sync step 2 arrives. */
  onSynced: (() => void) | null = null;

  constructor(
    private readonly url: string,
    private readonly token: string | null,
    private readonly addresses: string[],
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.open) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      this.ws!.send(encoding.toUint8Array(e));
    });
    this.connect();
  }

  private get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private connect(): void {
    this.attempts++;
    const ws = new WebSocket(this.url, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      localAddress: this.addresses[this.attempts % this.addresses.length],
      perMessageDeflate: false,
    });
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      this.failures = 0;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, this.doc);
      ws.send(encoding.toUint8Array(e));
    });
    ws.on('message', (data: Buffer) => this.onMessage(ws, new Uint8Array(data)));
    ws.on('error', () => {});
    ws.on('close', (code) => this.onClose(code));
  }

  private onMessage(ws: WebSocket, data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    const sub = syncProtocol.readSyncMessage(d, e, this.doc, this);
    if (encoding.length(e) > 1) ws.send(encoding.toUint8Array(e));
    if (sub === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      this.onSynced?.();
    }
  }

  private onClose(code: number): void {
    this.ws = null;
    this.closeCode = code;
    if (this.synced) this.synced = false;
    else this.failures++;
    this.wentDown = true;
    if (this.stopped) return;
    if (code >= 4400 && code < 4500) {
      this.final = true;
      return;
    }
    const delay = Math.min(100 * 2 ** this.failures, 5000) * (0.5 + Math.random());
    setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay).unref();
  }

  map(name: string): Y.Map<unknown> {
    return this.doc.getMap(name);
  }

  close(): void {
    this.stopped = true;
    this.ws?.terminate();
  }
}
