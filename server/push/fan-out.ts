import { alertType, isOpenStatus } from '../../shared/catalogue.js';
import type { Lang } from '../../shared/i18n/index.js';
import type { PushMessage } from '../../shared/push-message.js';
import type { AlertRow, OutboxRow, PushAudience, Storage, UserRow } from '../storage/storage.js';
import type { City, SirenInfo } from '../city/city.js';
import type { FanOut } from '../alerts/fan-out.js';
import type { Logger } from '../log.js';
import { alertSilenceJob, soundEndsAt, soundJob } from '../sirens/commands.js';
import { reachesArea } from '../alerts/threshold.js';
import { areaFold, pushKey, silenceKey, sirenKey, type PushJob, type SirenJob } from './jobs.js';
import type { SirenDispatch } from './outbox-worker.js';
import * as text from './messages.js';
import type { AlertTiming } from '../metrics/alert-timing.js';

/** A neighbour's phone offline for longer than this would only learn of a stale alert. */
const ALERT_TTL_SECONDS = 3600;
/** The reporter wants to know how their alert ended, even if the phone was off for a day. */
const STATUS_TTL_SECONDS = 86_400;

export interface FanOutDeps {
  storage: Storage;
  city: City;
  log: Logger;
  /** Called once rows were written; the sender runs after the current commit. */
  poke(): void;
  /**
   * Runs `fn` once the alert's commit is durable, ahead of other after-commit work: siren
   * commands are handed to the hub then, not when the worker next reads the outbox.
   */
  afterCommit?: (fn: () => void) => void;
  sirens?: SirenDispatch;
  /** True while the sender holds this push row (sending it): it cannot take a fold any more. */
  held?: (rowId: number) => boolean;
  /** The opaque Topic of an area's pushes (RFC 8030 §5.4); the area id itself is not sent. */
  topic?: (areaId: string) => string;
  now?: () => Date;
  /** Told which outbox rows are an alert's pushes, to time their hand-off. */
  timing?: AlertTiming;
}

/**
 * The fan-out policy of DESIGN §6 under the privacy matrix of §2, written as outbox rows
 * inside the alert's own transaction: a crash never loses or doubles a notification.
 *
 * - new public alert (not silent, not held back by the threshold), or one an operator released:
 *   the area's other residents get a push; the area's sirens sound if it was raised near home;
 * - cancelled or closed while its sirens could still sound: a silence to the same units;
 * - every new alert: on-duty operators and admins;
 * - dispatch: the unit's officers;
 * - any other status change: the reporter, unless the alert is silent (then nobody else).
 */
export class OutboxFanOut implements FanOut {
  private readonly sirensByArea = new Map<string, SirenInfo[]>();
  private readonly areaNames = new Map<string, string>();
  /** Siren rows written by the fan-out running now, handed to the hub after its commit. */
  private sirenRows: OutboxRow[] = [];
  /** The first and last push row ids the fan-out running now wrote (0: none yet). */
  private firstRow = 0;
  private lastRow = 0;

  constructor(private readonly d: FanOutDeps) {
    for (const s of d.city.sirens) {
      const list = this.sirensByArea.get(s.areaId) ?? [];
      list.push(s);
      this.sirensByArea.set(s.areaId, list);
    }
    for (const a of d.city.areas) this.areaNames.set(a.properties.id, a.properties.name);
  }

  onReceived(alert: AlertRow, reporter: UserRow): void {
    const written = this.guarded(() => {
      const ctx = this.context(alert);
      if (reachesArea(alert)) this.tellArea(alert, reporter, ctx);
      this.push(alert, 'received', { kind: 'staff' }, ALERT_TTL_SECONDS, (lang) =>
        text.operatorMessage(lang, ctx),
      );
    });
    if (written) this.timePushes(alert.id);
  }

  /** What the threshold held back, sent as the alert would have been (operators knew already). */
  onReleased(alert: AlertRow, reporter: UserRow): void {
    const written = this.guarded(() => {
      if (reachesArea(alert)) this.tellArea(alert, reporter, this.context(alert));
    });
    if (written) this.timePushes(alert.id);
  }

  onStatus(alert: AlertRow): void {
    this.guarded(() => {
      const ctx = this.context(alert);
      if (!isOpenStatus(alert.status)) this.silence(alert);
      if (alert.status === 'dispatched' && alert.assignedUnit) {
        const audience = { kind: 'unit', unitId: alert.assignedUnit } as const;
        this.push(alert, 'dispatched', audience, ALERT_TTL_SECONDS, (lang) =>
          text.dispatchMessage(lang, ctx),
        );
      }
      // The reporter cancelled it themselves: nothing to tell them. A silent alert's reporter
      // is never told: a notification is a trace on the lock screen of a phone the abuser may
      // check, whatever its words (DESIGN §2). Operators and the unit still are.
      if (alert.status !== 'cancelled' && !alertType(alert.type).silent) {
        const audience = { kind: 'user', userId: alert.reporterId } as const;
        this.push(alert, alert.status, audience, STATUS_TTL_SECONDS, (lang) =>
          text.reporterMessage(lang, ctx),
        );
      }
    });
  }

  /** The area's sirens and its residents' pushes, for an alert that reaches its area. */
  private tellArea(alert: AlertRow, reporter: UserRow, ctx: text.AlertContext): void {
    const info = alertType(alert.type);
    if (info.siren && alert.sirenRequested) {
      const start = Date.parse(alert.releasedAt ?? alert.receivedAt);
      for (const siren of this.sirensByArea.get(alert.areaId!) ?? []) {
        const job = soundJob(siren.id, info.siren, alert.id, start);
        this.addSiren(sirenKey(alert.id, siren.id), job);
      }
    }
    if (info.notifyNeighbours) this.pushArea(alert, reporter, ctx);
  }

  /**
   * A cancelled or closed alert silences the units it sounded, while their pattern could still
   * be running. The hub skips a unit whose sound never left, and a unit another alert is
   * sounding (server/sirens/unit-commands.ts).
   */
  private silence(alert: AlertRow): void {
    const pattern = alertType(alert.type).siren;
    if (!pattern || !alert.sirenRequested || !reachesArea(alert)) return;
    const ends = soundEndsAt(alert, pattern);
    if (ends <= this.nowMs()) return;
    for (const siren of this.sirensByArea.get(alert.areaId!) ?? [])
      this.addSiren(silenceKey(alert.id, siren.id), alertSilenceJob(siren.id, alert.id, ends));
  }

  private addSiren(key: string, job: SirenJob): void {
    const payload = JSON.stringify(job);
    const id = this.d.storage.outbox.add('siren', key, payload);
    if (id !== null) this.sirenRows.push({ id, kind: 'siren', key, payload, attempts: 0, notBefore: 0, fold: null }); // prettier-ignore
  }

  /**
   * A crew accepted the dispatch: the reporter's "on its way", never before (the dispatch
   * itself said "finding a patrol"). Once per unit: a re-dispatched alert accepted by the next
   * crew tells her again. Never for a silent alert (as `onStatus`).
   */
  onAccepted(alert: AlertRow): void {
    this.guarded(() => {
      if (alertType(alert.type).silent) return;
      const ctx = this.context(alert);
      const audience = { kind: 'user', userId: alert.reporterId } as const;
      this.push(alert, `accepted-${alert.assignedUnit}`, audience, STATUS_TTL_SECONDS, (lang) =>
        text.acceptedMessage(lang, ctx),
      );
    });
  }

  /**
   * One push per member and area at a time. The message covers every public alert of the
   * area within a push's lifetime (the TTL), so it may replace an undelivered earlier one at
   * the push service (same Topic) and a member's push that still waits to be sent simply
   * takes the new text: in a burst each member costs one encryption per send, not per alert.
   */
  private pushArea(alert: AlertRow, reporter: UserRow, ctx: text.AlertContext): void {
    const areaId = alert.areaId!;
    const since = new Date(Date.parse(alert.receivedAt) - ALERT_TTL_SECONDS * 1000).toISOString();
    const recent = this.d.storage.alerts
      .inAreaSince(areaId, since)
      .filter((a) => a.id !== alert.id && isNeighbourAlert(a));
    const reporters = new Set(recent.map((a) => a.reporterId));
    const topic = this.d.topic?.(areaId);
    const messages = new Map<string, string>();
    const audience = { kind: 'area', areaId, except: reporter.id } as const;
    for (const sub of this.d.storage.push.live(audience, this.nowIso())) {
      // A member is not told of their own alert, now or folded into a later message.
      const own = reporters.has(sub.userId);
      const cacheKey = own ? `${sub.lang}:${sub.userId}` : sub.lang;
      let job = messages.get(cacheKey);
      if (job === undefined) {
        const covered = [...recent.filter((a) => a.reporterId !== sub.userId), alert];
        const message =
          covered.length === 1
            ? text.neighbourMessage(sub.lang, ctx, reporter)
            : text.areaDigestMessage(sub.lang, ctx.areaName, covered);
        // `sub` is filled in below; the rest is the same for every member of this language.
        job = JSON.stringify({ ttl: ALERT_TTL_SECONDS, urgency: 'high', topic, message });
        messages.set(cacheKey, job);
      }
      const payload = `{"sub":${sub.id},${job.slice(1)}`;
      const fold = areaFold(areaId, sub.id);
      const waiting = this.d.storage.outbox.pendingFold(fold);
      if (waiting && !this.d.held?.(waiting.id)) this.d.storage.outbox.refold(waiting.id, payload);
      else {
        const key = pushKey(alert.id, 'received', sub.id);
        this.wrote(this.d.storage.outbox.add('push', key, payload, fold));
      }
    }
  }

  private push(
    alert: AlertRow,
    event: string,
    audience: PushAudience,
    ttl: number,
    message: (lang: Lang) => PushMessage,
  ): void {
    const byLang = new Map<Lang, PushMessage>();
    for (const sub of this.d.storage.push.live(audience, this.nowIso())) {
      let m = byLang.get(sub.lang);
      if (!m) byLang.set(sub.lang, (m = message(sub.lang)));
      const job: PushJob = { sub: sub.id, ttl, urgency: 'high', message: m };
      const key = pushKey(alert.id, event, sub.id);
      this.wrote(this.d.storage.outbox.add('push', key, JSON.stringify(job)));
    }
  }

  /** The push rows just written are the alert's: their hand-off is timed from its start. */
  private timePushes(alertId: string): void {
    if (this.firstRow) this.d.timing?.pushesWritten(alertId, this.firstRow, this.lastRow);
  }

  private wrote(rowId: number | null): void {
    if (rowId === null) return;
    if (!this.firstRow) this.firstRow = rowId;
    this.lastRow = rowId;
  }

  /**
   * This runs inside the alert's commit. An emergency system must not drop an alert, so a
   * fault here is logged and the alert commits without notifications rather than not at all.
   */
  private guarded(fn: () => void): boolean {
    this.sirenRows = [];
    this.firstRow = this.lastRow = 0;
    try {
      // Nested, this is a savepoint: a fault rolls back this fan-out's rows, not the alert.
      this.d.storage.transaction(fn);
      // The rows stay the record and the retry path; this only skips the wait for a read.
      // Only rows that survived the savepoint, and only once the alert's commit is durable.
      const rows = this.sirenRows;
      const { afterCommit, sirens } = this.d;
      if (afterCommit && sirens && rows.length)
        afterCommit(() => rows.forEach((row) => sirens.take(row)));
      this.d.poke();
      return true;
    } catch (error) {
      // No alert id or type here: a silent alert never reaches a log line (DESIGN §2).
      this.d.log.error('fan-out failed; alert stored without notifications', {
        error: String(error),
      });
      return false;
    }
  }

  private context(alert: AlertRow): text.AlertContext {
    return { alert, areaName: (alert.areaId && this.areaNames.get(alert.areaId)) || '' };
  }

  private nowMs(): number {
    return (this.d.now?.() ?? new Date()).getTime();
  }

  private nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
}

/** An alert the area's residents were pushed (the rule of `tellArea`). */
function isNeighbourAlert(a: AlertRow): boolean {
  return reachesArea(a) && alertType(a.type).notifyNeighbours;
}
