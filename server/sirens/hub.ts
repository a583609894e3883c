import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { OutboxRow, Storage } from '../storage/storage.js';
import type { SirenInfo } from '../city/city.js';
import type { Logger } from '../log.js';
import type { BatchWriter } from '../push/batch-writer.js';
import type { SirenDispatch } from '../push/outbox-worker.js';
import { parseSirenJob, type SirenJob } from '../push/jobs.js';
import type { SirenBoard } from './board.js';
import {
  DeviceClose,
  MAX_DEVICE_MESSAGE_BYTES,
  OFFLINE_AFTER_MS,
  parseDeviceMessage,
} from './protocol.js';
import { bearerToken, hashDeviceToken } from './tokens.js';
import { errorText } from '../sync/upgrade.js';
import { SirenUnit, type CommandHost, type SirenTimings } from './unit-commands.js';
import type { AlertTiming } from '../metrics/alert-timing.js';

export type { SirenTimings } from './unit-commands.js';

export interface SirenHubDeps {
  storage: Storage;
  log: Logger;
  sirens: readonly SirenInfo[];
  writer: BatchWriter;
  board: SirenBoard;
  timings?: Partial<SirenTimings>;
  now?: () => number;
  /** Times each alert's sound commands (server/metrics/). */
  timing?: AlertTiming;
}

/** On shutdown, a unit's socket still open this long after its close frame is cut. */
const CLOSE_GRACE_MS = 500;

const DEFAULT_TIMINGS: SirenTimings = {
  retryMs: 2000,
  maxRetryMs: 30_000,
  offlineAfterMs: OFFLINE_AFTER_MS,
  sweepMs: 5000,
};

/**
 * The siren central units (DESIGN §6): authenticated sockets, commands from the outbox
 * retried until acknowledged or expired (across reconnects and restarts; unit-commands.ts),
 * heartbeats, and the operators' board. An outbox row stays not-done until its ack, so after
 * a crash the start-up drain hands unacknowledged commands back here. A command that expired
 * unacknowledged is recorded (`siren_misses`) and shown on the unit's board record.
 */
export class SirenHub implements SirenDispatch, CommandHost {
  private readonly units = new Map<string, SirenUnit>();
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
  readonly timings: SirenTimings;

  constructor(private readonly d: SirenHubDeps) {
    this.timings = { ...DEFAULT_TIMINGS, ...d.timings };
    for (const info of d.sirens) this.units.set(info.id, new SirenUnit(info, this));
    this.sweeper = setInterval(() => this.sweep(), this.timings.sweepMs);
    this.sweeper.unref();
  }

  now(): number {
    return this.d.now?.() ?? Date.now();
  }

  /** Takes a siren row from the outbox worker (possibly again: ids are deduplicated). */
  take(row: OutboxRow): void {
    const job = parseSirenJob(row.payload);
    const unit = job && this.units.get(job.siren);
    if (!job || !unit) {
      this.d.log.warn('siren command for no known unit dropped', { row: row.id });
      return this.settle(row.id);
    }
    if (unit.pending.has(String(row.id)) || this.settling.has(row.id)) return;
    // Lease the row past its expiry so the worker does not hand it over again while held.
    if (job.expires > this.now())
      this.d.writer.write(() => this.d.storage.outbox.retry(row.id, job.expires + this.timings.sweepMs)); // prettier-ignore
    unit.add(row.id, job);
    this.show(unit);
  }

  settle(row: number): void {
    this.settling.add(row);
    this.d.writer.write(
      () => this.d.storage.outbox.done(row),
      () => this.settling.delete(row),
    );
  }

  /** A sound left for a unit the first time, or the unit acknowledged it. */
  sounded(job: SirenJob, stage: 'sent' | 'acked'): void {
    const { timing } = this.d;
    if (!timing || job.cmd !== 'sound' || !job.alert) return;
    if (stage === 'sent') timing.sirenSent(job.alert);
    else timing.sirenAcked(job.alert);
  }

  missed(unit: SirenUnit, job: SirenJob): void {
    const expiredAt = new Date(this.now()).toISOString();
    const alertId = job.alert ?? null;
    this.d.log.warn('siren command expired unacknowledged', { siren: unit.info.id, cmd: job.cmd });
    this.d.writer.write(() =>
      this.d.storage.devices.addMiss({ sirenId: unit.info.id, cmd: job.cmd, alertId, expiredAt }),
    );
    this.d.board.set(unit.info.id, {
      missedAt: expiredAt,
      missedCmd: job.cmd,
      missedAlert: alertId,
    });
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
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      try {
        this.onMessage(unit, data.toString('utf8'));
      } catch (error) {
        this.d.log.error('siren message failed', { siren: unit.info.id, error: errorText(error) });
        ws.close(DeviceClose.badRequest, 'bad request');
      }
    });
    // Offline is decided by silence (90 s), not by one dropped socket that reconnects.
    const detach = () => unit.ws === ws && unit.detach();
    ws.on('close', detach);
    ws.on('error', detach);
    this.seen(unit);
    unit.attach(ws);
    this.show(unit);
  }

  private onMessage(unit: SirenUnit, text: string): void {
    const msg = parseDeviceMessage(text);
    if (!msg) return;
    this.seen(unit);
    if ('ack' in msg) unit.ack(msg.ack);
    else if (msg.hb.state) unit.reported(msg.hb.state);
    this.show(unit);
  }

  private seen(unit: SirenUnit): void {
    const now = this.now();
    unit.lastSeen = now;
    if (!unit.online) {
      unit.online = true;
      this.d.board.set(unit.info.id, { online: true });
      this.d.board.heartbeat(unit.info.id, now, true);
    } else this.d.board.heartbeat(unit.info.id, now);
  }

  /** Writes the unit's state to the board when it changed. */
  private show(unit: SirenUnit): void {
    const state = unit.state(this.now());
    if (state === unit.shown) return;
    unit.shown = state;
    this.d.board.set(unit.info.id, { state });
  }

  private sweep(): void {
    const now = this.now();
    for (const unit of this.units.values()) {
      if (unit.online && now - unit.lastSeen > this.timings.offlineAfterMs) {
        unit.online = false;
        this.d.board.set(unit.info.id, { online: false });
      }
      unit.sweep(now);
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
      unit.close();
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
