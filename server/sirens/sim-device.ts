import WebSocket from 'ws';
import {
  HEARTBEAT_MS,
  parseDeviceCommand,
  type DeviceCommand,
  type SirenState,
} from './protocol.js';

export interface SimOptions {
  /** the server's base URL, http(s):// */
  url: string;
  id: string;
  token: string;
  /** acknowledge this many ms after receiving a command */
  ackDelayMs?: number;
  /** never acknowledge (to see the server retry) */
  dropAcks?: boolean;
  /** send heartbeats (default true), every `heartbeatMs` */
  heartbeat?: boolean;
  heartbeatMs?: number;
  /** reconnect after a transient close (default true) */
  reconnect?: boolean;
}

export type SimEvent =
  | { kind: 'open' }
  | { kind: 'command'; command: DeviceCommand }
  | { kind: 'close'; code: number; reason: string };

/** Close codes after which a real unit would stop and wait for a technician. */
const FINAL = (code: number) => code >= 4400 && code < 4500;

/**
 * A siren central unit in software, speaking the device protocol of DESIGN §6: used by
 * `npm run siren:sim` for demos and by the tests. It acts like firmware would: sounds for
 * the commanded seconds, acknowledges every command (even a repeated one, since the first
 * ack may have been lost), heartbeats every 30 s and reconnects with backoff.
 */
export class SimulatedSiren {
  readonly received: { command: DeviceCommand; at: number }[] = [];
  state: SirenState = 'idle';
  closeCode: number | null = null;
  private ws: WebSocket | null = null;
  private hbTimer: NodeJS.Timeout | null = null;
  private soundTimer: NodeJS.Timeout | null = null;
  private retryMs = 1000;
  private stopped = false;
  private readonly listeners = new Set<(e: SimEvent) => void>();

  constructor(private readonly o: SimOptions) {}

  on(listener: (e: SimEvent) => void): this {
    this.listeners.add(listener);
    return this;
  }

  start(): this {
    this.stopped = false;
    const url = `${this.o.url.replace(/^http/, 'ws').replace(/\/$/, '')}/devices/ws`;
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${this.o.token}` } });
    this.ws = ws;
    ws.on('open', () => {
      this.retryMs = 1000;
      this.emit({ kind: 'open' });
      this.beat();
      if (this.o.heartbeat !== false) {
        this.hbTimer = setInterval(() => this.beat(), this.o.heartbeatMs ?? HEARTBEAT_MS);
      }
    });
    ws.on('message', (data: Buffer) => this.onCommand(data.toString('utf8')));
    ws.on('error', () => undefined); // 'close' follows
    ws.on('close', (code, reason) => {
      if (this.hbTimer) clearInterval(this.hbTimer);
      this.hbTimer = null;
      this.closeCode = code;
      this.emit({ kind: 'close', code, reason: reason.toString() });
      if (this.stopped || FINAL(code) || this.o.reconnect === false) return;
      setTimeout(() => !this.stopped && this.start(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    });
    return this;
  }

  /** Resolves once connected (or rejects if closed first). */
  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws?.readyState === WebSocket.OPEN) return resolve();
      const listener = (e: SimEvent) => {
        if (e.kind === 'open') resolve();
        else if (e.kind === 'close') reject(new Error(`closed ${e.code}`));
        else return;
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.hbTimer) clearInterval(this.hbTimer);
    if (this.soundTimer) clearTimeout(this.soundTimer);
    this.ws?.close();
  }

  private beat(): void {
    this.send({ hb: { state: this.state } });
  }

  private onCommand(text: string): void {
    const command = parseDeviceCommand(text);
    if (!command) return;
    this.received.push({ command, at: performance.now() });
    this.emit({ kind: 'command', command });
    if (command.cmd === 'sound') this.sound(command.seconds);
    if (command.cmd === 'silence') this.sound(0);
    if (this.o.dropAcks) return;
    const ack = () => this.send({ ack: command.id });
    if (this.o.ackDelayMs) setTimeout(ack, this.o.ackDelayMs);
    else ack();
  }

  private sound(seconds: number): void {
    if (this.soundTimer) clearTimeout(this.soundTimer);
    this.soundTimer = null;
    this.state = seconds > 0 ? 'sounding' : 'idle';
    if (seconds > 0) this.soundTimer = setTimeout(() => this.sound(0), seconds * 1000);
  }

  private send(message: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private emit(e: SimEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
