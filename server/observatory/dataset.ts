import type { Incident, ObservatoryInput } from './input.js';
import type { IncidentType, ObservatoryFilter } from '../../shared/observatory.js';
import type { AreaFeature } from '../../shared/types.js';
import type { ObservatorySettings } from '../city/city.js';
import { isPatrolEvidence } from '../hotspots/evidence.js';
import type { ObservatoryDataset } from '../storage/observatory.js';
import type { AlertStatus, AlertTypeCode } from '../../shared/types.js';
import { areaLocator } from './area-index.js';
import { harmWeights } from './harm.js';
import { dayNumber, localClock, type LocalParts } from './local-time.js';
import { regionCellOf, studyRegion, type StudyRegion } from './stats/region.js';

/** What of the city the dataset needs: plain data, so it crosses to the analysis thread. */
export interface DatasetCity {
  areas: AreaFeature[];
  observatory: ObservatorySettings;
  timeZone: string;
}

/** The alert types the observatory counts: every non-silent one (the SQL drops the rest). */
export const ALERT_INCIDENT_TYPES = ['general', 'medical', 'bicycle_theft', 'fire'] as const;

/**
 * Builds each analysis's input from SQL: verified, non-silent alerts with a location
 * (source `alerts`) and the officers' conversations that recorded suspicious activity
 * (source `patrol`, type `suspicious_activity`). Silent alerts are left out by the SQL that
 * reads the rows (server/storage/sqlite/observatory.ts), never loaded and then filtered.
 *
 * The study region, households and local calendar parts are computed once per data version
 * and reused by every analysis of that version; only the period and area differ, and each
 * analysis applies those itself.
 */
export class Dataset {
  readonly region: StudyRegion;
  private readonly clock: (atMs: number) => LocalParts;
  private readonly harm: Record<IncidentType, number>;
  private readonly programme: boolean[][];
  private readonly areaOf: (p: { lat: number; lng: number }) => string | null;
  private version: string | null = null;
  private byType = new Map<string, Incident[]>();
  private households: Int32Array | null = null;
  private dataFromDay = 0;
  /** imported incident records: region cell, local day (null undated), the source's days */
  private imported: { cell: number; day: number | null; from: number; to: number }[] | null = null;

  constructor(
    private readonly db: ObservatoryDataset,
    private readonly city: DatasetCity,
  ) {
    this.region = studyRegion(city.areas);
    this.clock = localClock(city.timeZone);
    this.areaOf = areaLocator(city.areas);
    this.harm = harmWeights(city.observatory.harmWeights);
    const hours = new Set(city.observatory.programmeHours);
    this.programme = Array.from({ length: 7 }, () =>
      Array.from({ length: 24 }, (_, h) => hours.has(h)),
    );
  }

  /** The input for one filter; `version` names the data it must reflect (the cache key). */
  input(filter: ObservatoryFilter, now: string, version: string): ObservatoryInput {
    if (version !== this.version) {
      this.version = version;
      this.byType.clear();
      this.households = null;
      this.imported = null;
      const first = this.db.firstRecord();
      this.dataFromDay = first ? this.clock(Date.parse(first)).day : dayNumber(filter.from);
    }
    const importedCells = this.importedCells(dayNumber(filter.from), dayNumber(filter.to));
    return {
      ...(importedCells ? { importedCells } : {}),
      filter,
      fromDay: dayNumber(filter.from),
      toDay: dayNumber(filter.to),
      region: this.region,
      incidents: this.incidents(filter.type),
      dataFromDay: this.dataFromDay,
      households: this.homes(),
      harm: this.harm,
      programme: this.programme,
      now,
    };
  }

  private incidents(type: IncidentType | 'all'): Incident[] {
    let out = this.byType.get(type);
    if (out) return out;
    out = [];
    const alertTypes =
      type === 'all' ? ALERT_INCIDENT_TYPES : ALERT_INCIDENT_TYPES.filter((t) => t === type);
    for (const r of this.db.alerts(alertTypes)) {
      // The SQL already holds the rule; this keeps the two from drifting apart unnoticed.
      if (!isPatrolEvidence({ type: r.type as AlertTypeCode, status: r.status as AlertStatus }))
        continue;
      out.push(this.incident('alerts', r.type as IncidentType, Date.parse(r.receivedAt), r));
    }
    if (type === 'all' || type === 'suspicious_activity') {
      for (const r of this.db.suspiciousActivity()) {
        const at = Date.parse(r.at);
        if (Number.isFinite(at)) out.push(this.incident('patrol', 'suspicious_activity', at, r));
      }
    }
    // One order whatever the SQL's: the analyses' permutations and the bytes of an export
    // must not depend on how rows happened to be stored.
    out.sort((a, b) => a.at - b.at || a.lat - b.lat || a.lng - b.lng);
    this.byType.set(type, out);
    return out;
  }

  private incident(
    source: Incident['source'],
    type: IncidentType,
    at: number,
    p: { lat: number; lng: number },
  ): Incident {
    const { day, hour, weekday } = this.clock(at);
    return {
      source,
      type,
      at,
      day,
      hour,
      weekday,
      lat: p.lat,
      lng: p.lng,
      areaId: this.areaOf(p),
    };
  }

  /**
   * The cells holding an imported incident record of the period: dated records by their day,
   * undated ones when their source's declared period meets it. Undefined without any, so an
   * analysis input without imports is what it always was.
   */
  private importedCells(fromDay: number, toDay: number): Uint8Array | undefined {
    if (!this.imported) {
      this.imported = [];
      for (const r of this.db.importedIncidents?.() ?? []) {
        const cell = regionCellOf(this.region, r);
        if (cell < 0) continue;
        const at = r.at ? Date.parse(r.at) : NaN;
        const day = Number.isFinite(at) ? this.clock(at).day : null;
        this.imported.push({ cell, day, from: dayNumber(r.from), to: dayNumber(r.to) });
      }
    }
    if (this.imported.length === 0) return undefined;
    const cells = new Uint8Array(this.region.cells.length);
    for (const r of this.imported) {
      const inPeriod =
        r.day === null ? r.from <= toDay && r.to >= fromDay : r.day >= fromDay && r.day <= toDay;
      if (inPeriod) cells[r.cell] = 1;
    }
    return cells;
  }

  private homes(): Int32Array {
    if (this.households) return this.households;
    const counts = new Int32Array(this.region.cells.length);
    for (const home of this.db.homes()) {
      const i = regionCellOf(this.region, home);
      if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
    }
    return (this.households = counts);
  }
}
