import type { WebSocket } from 'ws';
import type { SirenInfo } from '../city/city.js';
import type { SirenJob } from '../push/jobs.js';
import type { BoardState } from './board.js';
import type { DeviceCommand } from './protocol.js';

export interface SirenTimings {
  /** first resend after this long without an ack; doubles up to `maxRetryMs` */
  retryMs: number;
  maxRetryMs: number;
  /** a unit silent this long is shown offline (DESIGN §6: 90 s) */
  offlineAfterMs: number;
  /** how often silence and expiry are checked */
  sweepMs: number;
}

/** What a unit's commands need of the hub. */
export interface CommandHost {
  now(): number;
  readonly timings: SirenTimings;
  readonly stats: { sent: number; resent: number; acked: number; expired: number };
  /** The outbox row needs no more sending: acknowledged, made moot, or expired. */
  settle(row: number): void;
  /** A command expired before the unit acknowledged it: recorded and shown to operators. */
  missed(unit: SirenUnit, job: SirenJob): void;
  /** A command's first send and its ack, for the metrics. */
  sounded(job: SirenJob, stage: 'sent' | 'acked'): void;
}

interface Pending {
  row: number;
  job: SirenJob;
  command: DeviceCommand;
  delay: number;
  timer: NodeJS.Timeout | null;
  sends: number;
}

/** Remembered alerts whose sound a unit missed, so their silence is not a second miss. */
const UNSOUNDED_MAX = 64;

/**
 * One siren central unit: its socket, and the commands it has not acknowledged yet, each
 * resent with backoff until acknowledged or expired. No command is ever sent past its expiry
 * (`SirenJob.expires`, commands.ts): a unit that reconnects late gets only what still holds,
 * and a sound only for what remains of its pattern.
 */
export class SirenUnit {
  ws: WebSocket | null = null;
  lastSeen = 0;
  online = false;
  shown: BoardState = 'idle';
  readonly pending = new Map<string, Pending>();
  /** What the unit acknowledged it is sounding for: alert id ('' for none known) → until, ms. */
  private readonly sounds = new Map<string, number>();
  private readonly unsounded = new Set<string>();

  constructor(
    readonly info: SirenInfo,
    private readonly h: CommandHost,
  ) {}

  state(now: number): BoardState {
    if ([...this.sounds.values()].some((until) => until > now)) return 'sounding';
    return this.pending.size ? 'pending' : 'idle';
  }

  /** A command from the outbox (its row id is the command's id on the wire). */
  add(row: number, job: SirenJob): void {
    if (job.expires <= this.h.now()) {
      this.h.stats.expired++;
      this.miss(job);
      return this.h.settle(row);
    }
    if (job.cmd === 'silence' && !this.silenceNeeded(job)) return this.h.settle(row);
    const p: Pending = { row, job, command: toCommand(String(row), job), delay: this.h.timings.retryMs, timer: null, sends: 0 }; // prettier-ignore
    this.pending.set(p.command.id, p);
    this.send(p);
  }

  /**
   * An operator's silence makes every pending sound moot. An alert's silence (it was cancelled
   * or closed) drops that alert's sound if it is still waiting, and is itself not sent when
   * that sound never left, or when another alert is sounding the unit (its own silence will
   * come when it closes; silencing now would cut a live alarm).
   */
  private silenceNeeded(job: SirenJob): boolean {
    const sounds = [...this.pending.values()].filter((p) => p.job.cmd === 'sound');
    if (!job.alert) {
      sounds.forEach((p) => this.drop(p));
      return true;
    }
    // This alert is over: whatever happens next, it no longer keeps the unit sounding.
    this.sounds.delete(job.alert);
    const own = sounds.find((p) => p.job.alert === job.alert);
    if (own) this.drop(own);
    if ((own && own.sends === 0) || this.unsounded.has(job.alert)) return false;
    const now = this.h.now();
    const other =
      sounds.some((p) => p !== own) ||
      [...this.sounds].some(([alert, until]) => alert !== job.alert && until > now);
    return !other;
  }

  attach(ws: WebSocket): void {
    this.ws = ws;
    for (const p of [...this.pending.values()]) {
      p.delay = this.h.timings.retryMs;
      this.send(p);
    }
  }

  detach(): void {
    this.ws = null;
    for (const p of this.pending.values()) clearTimer(p);
  }

  /** True when the ack settled a command (false: a repeated ack for one settled already). */
  ack(id: string): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    this.h.stats.acked++;
    this.h.sounded(p.job, 'acked');
    const now = this.h.now();
    if (p.command.cmd === 'sound')
      this.sounds.set(p.job.alert ?? '', now + p.command.seconds * 1000);
    if (p.command.cmd === 'silence') this.sounds.clear();
    this.drop(p);
    return true;
  }

  /** The unit's own word on whether it sounds (it may have been reset by hand). */
  reported(state: 'idle' | 'sounding'): void {
    const now = this.h.now();
    if (state === 'idle') this.sounds.clear();
    else if (this.state(now) !== 'sounding') this.sounds.set('', now + 30_000);
  }

  sweep(now: number): void {
    for (const p of [...this.pending.values()]) if (p.job.expires <= now) this.expire(p);
    for (const [alert, until] of this.sounds) if (until <= now) this.sounds.delete(alert);
  }

  close(): void {
    for (const p of this.pending.values()) clearTimer(p);
  }

  private send(p: Pending): void {
    clearTimer(p);
    const ws = this.ws;
    if (!ws || ws.readyState !== ws.OPEN) return; // sent on reconnect, if still in time
    const now = this.h.now();
    if (p.job.expires <= now) return this.expire(p);
    if (p.command.cmd === 'sound') {
      // Late, it sounds only the rest of its pattern: the block's units stop together.
      const left = Math.ceil((p.job.expires - now) / 1000);
      p.command = { ...p.command, seconds: Math.min(p.job.seconds ?? left, left) };
    }
    ws.send(JSON.stringify(p.command));
    if (p.sends++ === 0) {
      this.h.stats.sent++;
      this.h.sounded(p.job, 'sent');
    } else this.h.stats.resent++;
    p.timer = setTimeout(() => {
      p.timer = null;
      p.delay = Math.min(p.delay * 2, this.h.timings.maxRetryMs);
      this.send(p);
    }, p.delay);
    p.timer.unref();
  }

  private expire(p: Pending): void {
    this.h.stats.expired++;
    this.miss(p.job);
    this.drop(p);
  }

  private miss(job: SirenJob): void {
    if (job.cmd === 'sound' && job.alert) {
      if (this.unsounded.size >= UNSOUNDED_MAX) this.unsounded.clear();
      this.unsounded.add(job.alert);
    }
    // The silence of a sound the unit never got changes nothing: not a second miss.
    if (job.cmd === 'silence' && job.alert && this.unsounded.has(job.alert)) return;
    this.h.missed(this, job);
  }

  private drop(p: Pending): void {
    clearTimer(p);
    this.pending.delete(p.command.id);
    this.h.settle(p.row);
  }
}

function clearTimer(p: Pending): void {
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
}

function toCommand(id: string, job: SirenJob): DeviceCommand {
  if (job.cmd === 'sound')
    return { cmd: 'sound', id, pattern: job.pattern ?? 'alert', seconds: job.seconds ?? 60 };
  return { cmd: job.cmd, id };
}
