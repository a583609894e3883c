import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { OutboxRow, Storage } from '../storage/storage.js';
import type { SirenInfo } from '../city/city.js';
import type { Logger } from '../log.js';
import type { BatchWriter } from '../push/batch-writer.js';
import type { SirenDispatch } from '../push/outbox-worker.js';
import { parseSirenJob, type SirenJob } from '../push/jobs.js';
import type { SirenBoard, BoardState } from './board.js';
import {
  DeviceClose,
  MAX_DEVICE_MESSAGE_BYTES,
  OFFLINE_AFTER_MS,
  parseDeviceMessage,
  type DeviceCommand,
} from './protocol.js';
import { bearerToken, hashDeviceToken } from './tokens.js';
import { errorText } from '../sync/upgrade.js';

export interface SirenHubDeps {
  storage: Storage;
  log: Logger;
  sirens: readonly SirenInfo[];
  writer: BatchWriter;
  board: SirenBoard;
  timings?: Partial<SirenTimings>;
  now?: () => number;
}

export interface SirenTimings {
  /** first resend after this long without an ack; doubles up to `maxRetryMs` */
  retryMs: number;
  maxRetryMs: number;
  /** a unit silent this long is shown offline (DESIGN §6: 90 s) */
  offlineAfterMs: number;
  /** how often silence and expiry are checked */
  sweepMs: number;
}

/** On shutdown, a unit's socket still open this long after its close frame is cut. */
const CLOSE_GRACE_MS = 500;

const DEFAULT_TIMINGS: SirenTimings = {
  retryMs: 2000,
  maxRetryMs: 30_000,
  offlineAfterMs: OFFLINE_AFTER_MS,
  sweepMs: 5000,
};

interface Pending {
  row: number;
  command: DeviceCommand;
  expires: number;
  delay: number;
  timer: NodeJS.Timeout | null;
  sends: number;
}

interface Unit {
  info: SirenInfo;
  ws: WebSocket | null;
  lastSeen: number;
  online: boolean;
  pending: Map<string, Pending>;
  soundingUntil: number;
  shown: BoardState;
}

/**
 * The siren central units (DESIGN §6): authenticated sockets, commands from the outbox
 * retried until acknowledged (across reconnects and restarts), heartbeats, and the
 * operators' board. An outbox row stays not-done until its ack, so after a crash the
 * start-up drain hands unacknowledged commands back here.
 */
export class SirenHub implements SirenDispatch {
  private readonly units = new Map<string, Unit>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_DEVICE_MESSAGE_BYTES,
  });
  private readonly sweeper: NodeJS.Timeout;
  readonly stats = { sent: 0, resent: 0, acked: 0, expired: 0 };
  /**
   * Rows resolved whose `done` has not committed yet. A command is handed over both right
   * after its alert commits and by the worker's next read; an ack can land in between, and
   * the row must not be taken (and sounded) again.
   */
  private readonly settling = new Set<number>();
  private readonly t: SirenTimings;

  constructor(private readonly d: SirenHubDeps) {
    this.t = { ...DEFAULT_TIMINGS, ...d.timings };
    for (const info of d.sirens) {
      this.units.set(info.id, {
        info,
        ws: null,
        lastSeen: 0,
        online: false,
        pending: new Map(),
        soundingUntil: 0,
        shown: 'idle',
      });
    }
    this.sweeper = setInterval(() => this.sweep(), this.t.sweepMs);
    this.sweeper.unref();
  }

  private now(): number {
    return this.d.now?.() ?? Date.now();
  }

  /** Takes a siren row from the outbox worker (possibly again: ids are deduplicated). */
  take(row: OutboxRow): void {
    const job = parseSirenJob(row.payload);
    const unit = job && this.units.get(job.siren);
    if (!job || !unit) {
      this.d.log.warn('siren command for no known unit dropped', { row: row.id });
      return this.done(row.id);
    }
    const id = String(row.id);
    if (unit.pending.has(id) || this.settling.has(row.id)) return;
    if (job.expires <= this.now()) {
      this.stats.expired++;
      return this.done(row.id);
    }
    // Lease the row past its expiry so the worker does not hand it over again while held.
    this.d.writer.write(() => this.d.storage.outbox.retry(row.id, job.expires + this.t.sweepMs));
    if (job.cmd === 'silence') {
      // A pending sound is moot once the operator silenced the unit.
      for (const p of [...unit.pending.values()])
        if (p.command.cmd === 'sound') this.resolve(unit, p);
    }
    const pending: Pending = {
      row: row.id,
      command: toCommand(id, job),
      expires: job.expires,
      delay: this.t.retryMs,
      timer: null,
      sends: 0,
    };
    unit.pending.set(id, pending);
    this.send(unit, pending);
    this.show(unit);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Nothing a device sends may throw out of here: the process would die with it.
      try {
        this.accept(ws, req);
      } catch (error) {
        this.d.log.error('siren socket failed to open', { error: errorText(error) });
        ws.close(DeviceClose.badRequest, 'bad request');
      }
    });
  }

  /** Accept, then close with 4401 when refused: the same convention as the sync sockets. */
  private accept(ws: WebSocket, req: IncomingMessage): void {
    const token = bearerToken(req.headers.authorization);
    const device = token ? this.d.storage.devices.byTokenHash(hashDeviceToken(token)) : undefined;
    const unit = device && this.units.get(device.id);
    if (!unit) return ws.close(DeviceClose.unauthorized, 'no valid device token');
    if (unit.ws) unit.ws.close(DeviceClose.replaced, 'replaced by a newer connection');
    unit.ws = ws;
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      try {
        this.onMessage(unit, data.toString('utf8'));
      } catch (error) {
        this.d.log.error('siren message failed', { siren: unit.info.id, error: errorText(error) });
        ws.close(DeviceClose.badRequest, 'bad request');
      }
    });
    ws.on('close', () => this.detach(unit, ws));
    ws.on('error', () => this.detach(unit, ws));
    this.seen(unit);
    for (const p of unit.pending.values()) {
      p.delay = this.t.retryMs;
      this.send(unit, p);
    }
  }

  private detach(unit: Unit, ws: WebSocket): void {
    if (unit.ws !== ws) return;
    unit.ws = null;
    // Offline is decided by silence (90 s), not by one dropped socket that reconnects.
    for (const p of unit.pending.values()) this.clearTimer(p);
  }

  private onMessage(unit: Unit, text: string): void {
    const msg = parseDeviceMessage(text);
    if (!msg) return;
    this.seen(unit);
    if ('ack' in msg) {
      const p = unit.pending.get(msg.ack);
      if (!p) return; // a repeated ack for a command already settled
      this.stats.acked++;
      // The board shows it sounding until the pattern ends; the sweep puts it back to idle.
      if (p.command.cmd === 'sound') unit.soundingUntil = this.now() + p.command.seconds * 1000;
      if (p.command.cmd === 'silence') unit.soundingUntil = 0;
      this.resolve(unit, p);
    } else if (msg.hb.state) {
      // The unit knows best whether it is sounding (it may have been reset by hand).
      if (msg.hb.state === 'idle') unit.soundingUntil = 0;
      else if (unit.soundingUntil <= this.now()) unit.soundingUntil = this.now() + 30_000;
    }
    this.show(unit);
  }

  private send(unit: Unit, p: Pending): void {
    this.clearTimer(p);
    if (!unit.ws || unit.ws.readyState !== unit.ws.OPEN) return; // sent on reconnect
    unit.ws.send(JSON.stringify(p.command));
    if (p.sends++ === 0) this.stats.sent++;
    else this.stats.resent++;
    p.timer = setTimeout(() => {
      p.timer = null;
      if (p.expires <= this.now()) return this.expire(unit, p);
      p.delay = Math.min(p.delay * 2, this.t.maxRetryMs);
      this.send(unit, p);
    }, p.delay);
    p.timer.unref();
  }

  private resolve(unit: Unit, p: Pending): void {
    this.clearTimer(p);
    unit.pending.delete(p.command.id);
    this.done(p.row);
  }

  private expire(unit: Unit, p: Pending): void {
    this.stats.expired++;
    this.d.log.warn('siren command expired unacknowledged', {
      siren: unit.info.id,
      cmd: p.command.cmd,
    });
    this.resolve(unit, p);
    this.show(unit);
  }

  private done(row: number): void {
    this.settling.add(row);
    this.d.writer.write(
      () => this.d.storage.outbox.done(row),
      () => this.settling.delete(row),
    );
  }

  private clearTimer(p: Pending): void {
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
  }

  private seen(unit: Unit): void {
    const now = this.now();
    unit.lastSeen = now;
    if (!unit.online) {
      unit.online = true;
      this.d.board.set(unit.info.id, { online: true });
      this.d.board.heartbeat(unit.info.id, now, true);
    } else this.d.board.heartbeat(unit.info.id, now);
  }

  /** Writes the unit's state to the board when it changed. */
  private show(unit: Unit): void {
    const state: BoardState =
      unit.soundingUntil > this.now() ? 'sounding' : unit.pending.size ? 'pending' : 'idle';
    if (state === unit.shown) return;
    unit.shown = state;
    this.d.board.set(unit.info.id, { state });
  }

  private sweep(): void {
    const now = this.now();
    for (const unit of this.units.values()) {
      if (unit.online && now - unit.lastSeen > this.t.offlineAfterMs) {
        unit.online = false;
        this.d.board.set(unit.info.id, { online: false });
      }
      for (const p of [...unit.pending.values()]) if (p.expires <= now) this.expire(unit, p);
      this.show(unit);
    }
  }

  /** Connected units, for tests and metrics. */
  connected(): string[] {
    return [...this.units.values()].filter((u) => u.ws).map((u) => u.info.id);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const unit of this.units.values()) {
      for (const p of unit.pending.values()) this.clearTimer(p);
      const ws = unit.ws;
      if (!ws) continue;
      ws.close(DeviceClose.goingAway, 'server shutting down');
      // Do not hold a restart for a unit slow to finish its close handshake.
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    }
    this.wss.close();
    this.d.board.flush();
  }
}

function toCommand(id: string, job: SirenJob): DeviceCommand {
  if (job.cmd === 'sound')
    return { cmd: 'sound', id, pattern: job.pattern ?? 'alert', seconds: job.seconds ?? 60 };
  return { cmd: job.cmd, id };
}
