import path from 'node:path';
import Database from 'better-sqlite3';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import type { IncidentType } from '../../../shared/observatory.js';
import type { Services } from '../../services.js';
import { observatoryDataset } from '../../storage/sqlite/observatory.js';
import { Dataset } from '../dataset.js';
import type { Incident } from '../input.js';
import { regionCellOf, type StudyRegion } from '../stats/region.js';

/** An incident reduced to what a before / after needs: its local day and region cell. */
export interface DayCell {
  day: number;
  cell: number;
}

export interface IncidentReader {
  region: StudyRegion;
  /** the observatory's incidents of the type (every day), each with its region cell (−1 outside) */
  incidents(type: IncidentType | 'all'): DayCell[];
  close(): void;
}

/**
 * The observatory's own dataset (dataset.ts: verified, non-silent alerts and officers'
 * suspicious-activity records), read on a read-only connection of its own as the analysis
 * thread reads it. One read of the type per data version, kept: a city-year is a few thousand
 * rows and a few milliseconds, so the event loop is never held for long, and a second
 * evaluation of the same version costs only the counting.
 */
export function incidentReader(s: Pick<Services, 'config' | 'city' | 'storage'>): IncidentReader {
  let db: Database.Database | null = null;
  let dataset: Dataset | null = null;
  const cache = new Map<string, DayCell[]>();
  let cachedVersion = '';
  const city = {
    areas: s.city.areas,
    observatory: s.city.observatory,
    timeZone: CITY_TIME_ZONE,
  };
  const open = (): Dataset => {
    if (dataset) return dataset;
    db = new Database(path.join(s.config.dataDir, 'sac.db'), {
      readonly: true,
      fileMustExist: true,
    });
    db.pragma('busy_timeout = 5000');
    dataset = new Dataset(observatoryDataset(db), city);
    return dataset;
  };
  const reader: IncidentReader = {
    get region() {
      return open().region;
    },
    incidents(type) {
      const version = s.storage.observatory.version();
      if (version !== cachedVersion) {
        cache.clear();
        cachedVersion = version;
      }
      const hit = cache.get(type);
      if (hit) return hit;
      const ds = open();
      const day = new Date().toISOString().slice(0, 10);
      const input = ds.input({ from: day, to: day, type, areaId: null }, day, version);
      const out = input.incidents.map((i: Incident) => ({
        day: i.day,
        cell: regionCellOf(ds.region, i),
      }));
      cache.set(type, out);
      return out;
    },
    close() {
      db?.close();
      db = null;
      dataset = null;
      cache.clear();
    },
  };
  return reader;
}
