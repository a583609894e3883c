import { isOpenStatus } from '../../shared/catalogue.js';
import { CITY_TIME_ZONE, tFor } from '../../shared/i18n/index.js';
import type { City } from '../city/city.js';
import type { Config } from '../config.js';
import type { CapAlertRow } from '../storage/integrations.js';
import type { Storage } from '../storage/storage.js';
import { atomIndex, type AtomEntry } from './atom.js';
import { identifierOf, parseIdentifier, stagesOf, type Stage } from './lifecycle.js';
import { CAP_TYPES } from './mapping.js';
import { capMessage, capTexts, type CapContext, type CapSubject } from './message.js';
import { capTime } from './xml.js';

/** Closed alerts stay in the index this long, so a poller sees their Cancel or AllClear. */
export const ENDED_SHOWN_MS = 24 * 3_600_000;

export interface CapFeedDeps {
  storage: Pick<Storage, 'cap'>;
  city: City;
  config: Pick<Config, 'PUBLIC_URL' | 'EMERGENCY_PHONE'>;
  now?: () => Date;
}

/** A document ready to serve, with the instant it last changed. */
export interface CapDocument {
  body: string;
  updated: string;
}

/**
 * The city's SAC as CAP's `sender`: the host of PUBLIC_URL (`sac.godoycruz.gob.ar`), else
 * `sac.<city>` (set PUBLIC_URL for a sender other systems can trust).
 */
export function capSender(publicUrl: string | undefined, cityName: string): string {
  if (publicUrl) return new URL(publicUrl).hostname;
  const slug = cityName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `sac.${slug || 'city'}`;
}

/** The CAP messages and their Atom index, built from the stored stamps on each request. */
export class CapFeed {
  readonly ctx: CapContext;
  private readonly areas: Map<string, CapSubject['area']>;
  /** the index last built, what it was built from, and until when it holds */
  private built: { key: string; until: number; doc: CapDocument } | null = null;

  constructor(private readonly d: CapFeedDeps) {
    this.ctx = {
      sender: capSender(d.config.PUBLIC_URL, d.city.info.name),
      cityName: d.city.info.name,
      timeZone: CITY_TIME_ZONE,
      // The demo city's alerts are made up but name real neighbourhoods: as `Actual` a consumer
      // wired to it by mistake would warn people of fires that never were. `Test` tells every
      // recipient to disregard it.
      status: d.city.demo ? 'Test' : 'Actual',
      emergencyPhone: d.config.EMERGENCY_PHONE,
    };
    this.areas = new Map(
      d.city.areas.map((f) => [
        f.properties.id,
        { name: f.properties.name, ring: f.geometry.coordinates[0] ?? [] },
      ]),
    );
  }

  private subject(a: CapAlertRow): CapSubject | null {
    const area = this.areas.get(a.areaId);
    // An area the city no longer has cannot be drawn: no message rather than one without a place.
    if (!area || area.ring.length < 4 || !CAP_TYPES[a.type]) return null;
    return { alertId: a.id, type: a.type, area };
  }

  /** The message with this identifier, or null: unknown, not public, or not (yet) a step. */
  message(identifier: string): CapDocument | null {
    const parsed = parseIdentifier(identifier);
    const alert = parsed && this.d.storage.cap.byId(parsed.alertId);
    const subject = alert && this.subject(alert);
    if (!parsed || !alert || !subject) return null;
    const stages = stagesOf(alert);
    const index = stages.findIndex((s) => s.key === parsed.key);
    if (index < 0) return null;
    return {
      body: capMessage(this.ctx, subject, stages, index),
      updated: stages[index]!.at,
    };
  }

  /**
   * The Atom index of current alerts; `messageUrl` turns an identifier into its link. Built
   * again only when a stamp was written or an ended alert is due to leave it: a poller every
   * minute is answered from the one already built.
   */
  index(feedUrl: string, messageUrl: (identifier: string) => string): CapDocument {
    const now = (this.d.now?.() ?? new Date()).getTime();
    const key = `${this.d.storage.cap.version()} ${feedUrl}`;
    if (this.built?.key === key && now < this.built.until) return this.built.doc;
    const since = new Date(now - ENDED_SHOWN_MS).toISOString();
    const current: { entry: AtomEntry; at: number }[] = [];
    let until = Infinity;
    for (const alert of this.d.storage.cap.current(since)) {
      const subject = this.subject(alert);
      const stages = subject ? stagesOf(alert) : [];
      if (!isOpenStatus(alert.status))
        until = Math.min(until, Date.parse(alert.statusAt) + ENDED_SHOWN_MS);
      if (!subject || stages.length === 0) continue;
      current.push({ entry: this.entry(subject, stages, messageUrl), at: lastAt(stages) });
    }
    current.sort((a, b) => b.at - a.at || a.entry.id.localeCompare(b.entry.id));
    // The feed last changed with its newest message, or when an ended alert left it.
    const left = this.d.storage.cap.lastClosedBefore(since);
    const updated = Math.max(current[0]?.at ?? 0, left ? Date.parse(left) + ENDED_SHOWN_MS : 0);
    const updatedIso = new Date(updated).toISOString();
    const body = atomIndex({
      url: feedUrl,
      title: tFor('es', 'cap.feed.title', { city: this.ctx.cityName }),
      author: tFor('es', 'cap.sender_name', { city: this.ctx.cityName }),
      updated: capTime(updatedIso, this.ctx.timeZone),
      entries: current.map((c) => c.entry),
    });
    const doc = { body, updated: updatedIso };
    this.built = { key, until, doc };
    return doc;
  }

  private entry(
    subject: CapSubject,
    stages: readonly Stage[],
    messageUrl: (identifier: string) => string,
  ): AtomEntry {
    const last = stages[stages.length - 1]!;
    const identifier = identifierOf(subject.alertId, last.key);
    const text = capTexts(this.ctx, subject, last, 'es');
    return {
      // A tag URI (RFC 4151) of the message: each new message is a new entry for pollers.
      id: `tag:${this.ctx.sender},${last.at.slice(0, 4)}:${identifier}`,
      title: text.headline,
      summary: text.description,
      category: CAP_TYPES[subject.type]!.category,
      updated: capTime(last.at, this.ctx.timeZone),
      published: capTime(stages[0]!.at, this.ctx.timeZone),
      href: messageUrl(identifier),
    };
  }
}

const lastAt = (stages: readonly Stage[]) => Date.parse(stages[stages.length - 1]!.at);
