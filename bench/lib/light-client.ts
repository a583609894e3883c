import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * Thousands of y-websocket peers per process, each holding only a socket and a few flags:
 * no Y.Doc per client. A light client has nothing of its own to send, so its half of the
 * sync is the same two constant messages for everyone; what the server sends is only
 * classified (sync step 2 = synced, update = relay payload), never applied.
 */
export interface LightSpec {
  /** path after the base URL, e.g. `/sync/user:<id>` or `/r123` */
  path: string;
  token: string | null;
}

const EMPTY = new Y.Doc();
const frame = (write: (e: encoding.Encoder) => void): Buffer => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  write(e);
  return Buffer.from(encoding.toUint8Array(e));
};
const STEP1 = frame((e) => syncProtocol.writeSyncStep1(e, EMPTY));
const STEP2 = frame((e) => syncProtocol.writeSyncStep2(e, EMPTY));

/** The y-websocket client's schedule (100 ms doubling, capped at 5 s) with ±50 % jitter. */
const backoff = (failures: number): number =>
  Math.min(100 * 2 ** failures, 5000) * (0.5 + Math.random());

class LightClient {
  ws: WebSocket | null = null;
  synced = false;
  /** closed since the last `expectRestart` */
  wentDown = false;
  /** consecutive connection attempts that never opened */
  failures = 0;
  final = false;
  attempts = 0;

  constructor(readonly spec: LightSpec) {}
}

export interface PoolCounters {
  total: number;
  synced: number;
  final: number;
  resynced: number;
  closes: number;
  attempts: number;
}

export class LightPool {
  private readonly clients: LightClient[] = [];
  private readonly queue: LightClient[] = [];
  private inFlight = 0;
  private stopping = false;
  private watchingRestart = false;
  readonly counters: PoolCounters = {
    total: 0,
    synced: 0,
    final: 0,
    resynced: 0,
    closes: 0,
    attempts: 0,
  };
  /** Called for every sync update (message 0/2) a client receives. */
  onUpdate: ((payload: Buffer, at: number) => void) | null = null;
  lastCloseCode = 0;

  constructor(
    private readonly base: string,
    private readonly addresses: string[],
    private readonly concurrency: number,
  ) {}

  add(specs: LightSpec[]): void {
    for (const spec of specs) {
      const c = new LightClient(spec);
      this.clients.push(c);
      this.queue.push(c);
    }
    this.counters.total = this.clients.length;
    this.pump();
  }

  /** From now on, count clients that go down and come back synced. */
  expectRestart(): void {
    this.watchingRestart = true;
    this.counters.resynced = 0;
    for (const c of this.clients) c.wentDown = false;
  }

  get live(): number {
    return this.counters.total - this.counters.final;
  }

  private pump(): void {
    while (!this.stopping && this.inFlight < this.concurrency && this.queue.length) {
      this.open(this.queue.shift()!);
    }
  }

  private open(c: LightClient): void {
    this.inFlight++;
    let handshaking = true;
    const done = () => {
      if (!handshaking) return;
      handshaking = false;
      this.inFlight--;
      this.pump();
    };
    c.attempts++;
    this.counters.attempts++;
    const ws = new WebSocket(this.base + c.spec.path, {
      headers: c.spec.token ? { authorization: `Bearer ${c.spec.token}` } : {},
      // Alternate source addresses between attempts: one address has ~28k ports.
      localAddress: this.addresses[c.attempts % this.addresses.length],
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    c.ws = ws;
    ws.on('open', () => {
      done();
      c.failures = 0;
      ws.send(STEP1);
    });
    ws.on('message', (data: Buffer) => this.onMessage(c, data));
    ws.on('error', () => {});
    ws.on('close', (code) => {
      done();
      this.onClose(c, code);
    });
  }

  private onMessage(c: LightClient, data: Buffer): void {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== 0) return; // awareness, `stored`: nothing to do
    const sub = decoding.readVarUint(d);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      c.ws?.send(STEP2);
    } else if (sub === syncProtocol.messageYjsSyncStep2) {
      if (c.synced) return;
      c.synced = true;
      this.counters.synced++;
      if (this.watchingRestart && c.wentDown) {
        c.wentDown = false;
        this.counters.resynced++;
      }
    } else if (sub === syncProtocol.messageYjsUpdate) {
      this.onUpdate?.(data, performance.now());
    }
  }

  private onClose(c: LightClient, code: number): void {
    c.ws = null;
    this.counters.closes++;
    this.lastCloseCode = code;
    if (c.synced) {
      c.synced = false;
      this.counters.synced--;
    } else {
      c.failures++;
    }
    c.wentDown = true;
    if (this.stopping) return;
    // 4400–4499 are final for the y-websocket client: it stops retrying.
    if (code >= 4400 && code < 4500) {
      c.final = true;
      this.counters.final++;
      return;
    }
    setTimeout(() => {
      if (this.stopping) return;
      this.queue.push(c);
      this.pump();
    }, backoff(c.failures)).unref();
  }

  close(): void {
    this.stopping = true;
    this.queue.length = 0;
    for (const c of this.clients) c.ws?.terminate();
  }
}
