import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { summarize, round, type Summary } from './stats.js';

const INTERVAL_MS = 50;

const empty = new Y.Doc();
const step1 = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, empty);
  return encoding.toUint8Array(e);
})();

export interface RttFigures extends Summary {
  /** samples slower than 50 ms: [ms since the window opened, round trip ms] */
  stalls: [number, number][];
}

/**
 * The server's responsiveness as a client feels it: every 50 ms a sync step 1 on a quiet
 * room, timed until the step 2 answer. A blocked event loop (a long synchronous sweep, a
 * slow commit) shows as a spike at the moment it happens, which latency percentiles alone
 * cannot place.
 */
export class RttMonitor {
  private readonly samples: [number, number][] = [];
  private ws: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sentAt: number | null = null;

  start(url: string, token: string, address: string): void {
    const ws = new WebSocket(url, {
      headers: { authorization: `Bearer ${token}` },
      localAddress: address,
      perMessageDeflate: false,
    });
    this.ws = ws;
    ws.on('error', () => {});
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(data);
      if (decoding.readVarUint(d) !== 0) return;
      if (decoding.readVarUint(d) !== syncProtocol.messageYjsSyncStep2 || this.sentAt === null)
        return;
      const now = performance.now();
      this.samples.push([now, now - this.sentAt]);
      this.sentAt = null;
    });
    ws.on('open', () => {
      this.timer = setInterval(() => {
        // One question at a time: an unanswered one keeps counting.
        if (this.sentAt !== null || ws.readyState !== WebSocket.OPEN) return;
        this.sentAt = performance.now();
        ws.send(step1);
      }, INTERVAL_MS);
    });
  }

  window(from: number, to: number): RttFigures {
    const inside = this.samples.filter(([at]) => at >= from && at <= to);
    return {
      ...summarize(inside.map(([, rtt]) => rtt)),
      stalls: inside
        .filter(([, rtt]) => rtt > 50)
        .slice(0, 100)
        .map(([at, rtt]) => [round(at - from, 0)!, round(rtt)!]),
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.ws?.terminate();
  }
}
