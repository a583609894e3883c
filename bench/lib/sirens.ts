import WebSocket from 'ws';
import type { SirenRef } from './probe-types.js';

export interface SirenCommand {
  cmd: string;
  id: string | number;
  seconds?: number;
}

const HEARTBEAT_MS = 30_000;

/**
 * A siren central unit as DESIGN §6 describes it: `/devices/ws` with its device token,
 * acknowledges every command, sends a heartbeat every 30 s. Reconnects like a device would.
 */
export class SirenClient {
  connected = false;
  wentDown = false;
  closeCode: number | null = null;
  private ws: WebSocket | null = null;
  private failures = 0;
  private attempts = 0;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private soundingUntil = 0;

  constructor(
    readonly ref: SirenRef,
    private readonly url: string,
    private readonly addresses: string[],
    private readonly onCommand: (siren: SirenClient, cmd: SirenCommand, at: number) => void,
  ) {
    this.connect();
  }

  private connect(): void {
    this.attempts++;
    const ws = new WebSocket(this.url, {
      headers: { authorization: `Bearer ${this.ref.token}` },
      localAddress: this.addresses[this.attempts % this.addresses.length],
      perMessageDeflate: false,
    });
    this.ws = ws;
    ws.on('open', () => {
      this.connected = true;
      this.failures = 0;
      this.beat();
      this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
      this.heartbeat.unref();
    });
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (!isCommand(msg)) return;
      ws.send(JSON.stringify({ ack: msg.id }));
      if (msg.cmd === 'sound') this.soundingUntil = Date.now() + 1000 * (msg.seconds ?? 60);
      if (msg.cmd === 'silence') this.soundingUntil = 0;
      this.onCommand(this, msg, at);
    });
    ws.on('error', () => {});
    ws.on('close', (code) => this.onClose(code));
  }

  private beat(): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    const state = Date.now() < this.soundingUntil ? 'sounding' : 'idle';
    this.ws.send(JSON.stringify({ hb: { state } }));
  }

  private onClose(code: number): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (!this.connected) this.failures++;
    this.connected = false;
    this.closeCode = code;
    this.wentDown = true;
    if (this.stopped || (code >= 4400 && code < 4500)) return;
    const delay = Math.min(100 * 2 ** this.failures, 5000) * (0.5 + Math.random());
    setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay).unref();
  }

  close(): void {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.ws?.terminate();
  }
}

function isCommand(v: unknown): v is SirenCommand {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.cmd === 'string' && (typeof o.id === 'string' || typeof o.id === 'number');
}
