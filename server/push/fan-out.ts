import { alertType } from '../../shared/catalogue.js';
import type { Lang } from '../../shared/i18n/index.js';
import type { PushMessage } from '../../shared/push-message.js';
import type { AlertRow, PushAudience, Storage, UserRow } from '../storage/storage.js';
import type { City, SirenInfo } from '../city/city.js';
import type { FanOut } from '../alerts/fan-out.js';
import type { Logger } from '../log.js';
import { soundJob } from '../sirens/commands.js';
import { pushKey, sirenKey, type PushJob } from './jobs.js';
import * as text from './messages.js';

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
  now?: () => Date;
}

/**
 * The fan-out policy of DESIGN §6 under the privacy matrix of §2, written as outbox rows
 * inside the alert's own transaction: a crash never loses or doubles a notification.
 *
 * - new public alert (not silent, not over the threshold): the area's other residents get a
 *   push; the area's sirens sound if the projection requested one (raised near home);
 * - every new alert: on-duty operators and admins;
 * - dispatch: the unit's officers;
 * - any other status change: the reporter (neutral wording for a silent alert).
 */
export class OutboxFanOut implements FanOut {
  private readonly sirensByArea = new Map<string, SirenInfo[]>();
  private readonly areaNames = new Map<string, string>();

  constructor(private readonly d: FanOutDeps) {
    for (const s of d.city.sirens) {
      const list = this.sirensByArea.get(s.areaId) ?? [];
      list.push(s);
      this.sirensByArea.set(s.areaId, list);
    }
    for (const a of d.city.areas) this.areaNames.set(a.properties.id, a.properties.name);
  }

  onReceived(alert: AlertRow, reporter: UserRow): void {
    this.guarded(() => {
      const info = alertType(alert.type);
      const ctx = this.context(alert);
      const isPublic = !info.silent && !alert.flagged && alert.areaId !== null;
      // Sirens first: the outbox drains in id order and a siren is the louder warning.
      if (isPublic && info.siren && alert.sirenRequested) {
        const now = this.nowMs();
        for (const siren of this.sirensByArea.get(alert.areaId!) ?? []) {
          const job = soundJob(siren.id, info.siren, now);
          this.d.storage.outbox.add('siren', sirenKey(alert.id, siren.id), JSON.stringify(job));
        }
      }
      if (isPublic && info.notifyNeighbours) {
        const audience = { kind: 'area', areaId: alert.areaId!, except: reporter.id } as const;
        this.push(alert, 'received', audience, ALERT_TTL_SECONDS, (lang) =>
          text.neighbourMessage(lang, ctx, reporter),
        );
      }
      this.push(alert, 'received', { kind: 'staff' }, ALERT_TTL_SECONDS, (lang) =>
        text.operatorMessage(lang, ctx),
      );
    });
  }

  onStatus(alert: AlertRow): void {
    this.guarded(() => {
      const ctx = this.context(alert);
      if (alert.status === 'dispatched' && alert.assignedUnit) {
        const audience = { kind: 'unit', unitId: alert.assignedUnit } as const;
        this.push(alert, 'dispatched', audience, ALERT_TTL_SECONDS, (lang) =>
          text.dispatchMessage(lang, ctx),
        );
      }
      // The reporter cancelled it themselves: nothing to tell them.
      if (alert.status !== 'cancelled') {
        const audience = { kind: 'user', userId: alert.reporterId } as const;
        this.push(alert, alert.status, audience, STATUS_TTL_SECONDS, (lang) =>
          text.reporterMessage(lang, ctx),
        );
      }
    });
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
      this.d.storage.outbox.add('push', pushKey(alert.id, event, sub.id), JSON.stringify(job));
    }
  }

  /**
   * This runs inside the alert's commit. An emergency system must not drop an alert, so a
   * fault here is logged and the alert commits without notifications rather than not at all.
   */
  private guarded(fn: () => void): void {
    try {
      // Nested, this is a savepoint: a fault rolls back this fan-out's rows, not the alert.
      this.d.storage.transaction(fn);
      this.d.poke();
    } catch (error) {
      // No alert id or type here: a silent alert never reaches a log line (DESIGN §2).
      this.d.log.error('fan-out failed; alert stored without notifications', {
        error: String(error),
      });
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
