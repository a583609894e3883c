import * as Y from 'yjs';
import type { SirenInfo } from '../city/city.js';
import { SERVER } from '../sync/origin.js';

/** A siren as operators see it in `ops.sirens` (DESIGN §4). */
export type BoardState = 'idle' | 'pending' | 'sounding';

export interface SirenRecord {
  id: string;
  areaId: string;
  label: string;
  lat: number;
  lng: number;
  online: boolean;
  lastHeartbeat: string | null;
  state: BoardState;
  /** the last command that expired before the unit acknowledged it (null: none yet) */
  missedAt: string | null;
  missedCmd: 'sound' | 'silence' | 'test' | null;
  /** the alert that command was for (null for an operator's test or silence) */
  missedAlert: string | null;
}

type Patch = Partial<
  Pick<SirenRecord, 'online' | 'lastHeartbeat' | 'state' | 'missedAt' | 'missedCmd' | 'missedAlert'>
>;

/**
 * lastHeartbeat is a liveness hint, not a log: refreshed for every unit at once, at most
 * this often. Per unit, 683 units heartbeating every 30 s made ~11 `ops` updates a second
 * (each logged, sent to every operator, and a compaction every 20 s).
 */
const HEARTBEAT_WRITE_MS = 60_000;
/** Changes within this window go out as one update. */
const FLUSH_MS = 50;
/**
 * Units whose only change is their heartbeat written per update; the rest follow FLUSH_MS
 * later. All 683 units' heartbeats in one transaction held the event loop for 23-44 ms
 * (city-scale profile), an alert arriving meanwhile waiting behind it; a slice of 100 keeps
 * each well under that, for seven small updates a minute instead of one large one.
 */
export const HEARTBEATS_PER_UPDATE = 100;

/**
 * Keeps `ops.sirens` up to date without letting hundreds of heartbeating units bloat the ops
 * room (every write is an update in its log and a message to every operator): only changes
 * an operator can see are written (online, state), batched, and the heartbeats of all units
 * together as one update at most once a minute.
 */
export class SirenBoard {
  private readonly dirty = new Map<string, Patch>();
  /** heartbeats heard since the last heartbeat write, by unit: time in ms */
  private readonly heard = new Map<string, number>();
  private heartbeatsWrittenAt = 0;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** The ops room's doc; asked for each time, since an idle room is unloaded. */
    private readonly doc: () => Y.Doc,
    private readonly sirens: readonly SirenInfo[],
  ) {}

  /** Start-up: every configured unit listed, all offline until they connect again. */
  init(): void {
    const doc = this.doc();
    doc.transact(() => {
      const map = doc.getMap<Y.Map<unknown>>('sirens');
      const known = new Set(this.sirens.map((s) => s.id));
      for (const key of [...map.keys()]) if (!known.has(key)) map.delete(key);
      for (const s of this.sirens) {
        let rec = map.get(s.id);
        if (!(rec instanceof Y.Map)) {
          rec = new Y.Map<unknown>();
          map.set(s.id, rec);
        }
        const fields: Omit<SirenRecord, 'lastHeartbeat' | `missed${string}`> = {
          id: s.id,
          areaId: s.areaId,
          label: s.label,
          lat: s.lat,
          lng: s.lng,
          online: false,
          state: 'idle',
        };
        setChanged(rec, fields);
        for (const key of ['lastHeartbeat', 'missedAt', 'missedCmd', 'missedAlert'])
          if (!rec.has(key)) rec.set(key, null);
      }
    }, SERVER);
  }

  set(id: string, patch: Patch): void {
    // After close the ops room may be gone with its database: a late change has nowhere to go.
    if (this.closed) return;
    this.dirty.set(id, { ...this.dirty.get(id), ...patch });
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /**
   * A sign of life. `force` (the unit just came online) writes it with that change; other
   * heartbeats are kept and written for every unit together once a minute has passed.
   */
  heartbeat(id: string, nowMs: number, force = false): void {
    if (force) {
      this.heard.delete(id);
      this.set(id, { lastHeartbeat: iso(nowMs) });
      return;
    }
    this.heard.set(id, nowMs);
    if (nowMs - this.heartbeatsWrittenAt < HEARTBEAT_WRITE_MS) return;
    this.heartbeatsWrittenAt = nowMs;
    for (const [unit, at] of this.heard) this.set(unit, { lastHeartbeat: iso(at) });
    this.heard.clear();
  }

  /** Writes what is pending and takes no more: the server is shutting down. */
  close(): void {
    this.flush(true);
    this.closed = true;
  }

  /**
   * Writes every change an operator can see (online, state, a missed command) at once, and
   * heartbeats alone up to HEARTBEATS_PER_UPDATE (`all`: every one); the rest go next.
   */
  flush(all = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty.size) return;
    const doc = this.doc();
    const map = doc.getMap<Y.Map<unknown>>('sirens');
    let heartbeats = 0;
    doc.transact(() => {
      for (const [id, patch] of this.dirty) {
        const onlyHeartbeat = Object.keys(patch).every((k) => k === 'lastHeartbeat');
        if (onlyHeartbeat && !all && heartbeats >= HEARTBEATS_PER_UPDATE) continue;
        if (onlyHeartbeat) heartbeats++;
        const rec = map.get(id);
        if (rec instanceof Y.Map) setChanged(rec, patch);
        this.dirty.delete(id);
      }
    }, SERVER);
    if (this.dirty.size) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Writes only the fields whose value differs: an unchanged set would still be an update. */
function setChanged(rec: Y.Map<unknown>, fields: object): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && rec.get(key) !== value) rec.set(key, value);
  }
}
