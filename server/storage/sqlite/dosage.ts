import type { AlertStatus, AlertTypeCode } from '../../../shared/types.js';
import { isPatrolEvidence } from '../../hotspots/evidence.js';
import { ALERT_INCIDENT_TYPES } from '../../observatory/dataset.js';
import type { DosageCheckin, DosageIncident, DosageStore } from '../dosage.js';
import type { Db } from './index.js';
import { observatoryDataset } from './observatory.js';

export function dosageQueries(db: Db): DosageStore {
  // Per unit: the index is (unit_id, at), and a city has a handful of units.
  const checkins = db.prepare<[string, string, string], DosageCheckin>(`SELECT id,
    unit_id AS unitId, point, kind, at FROM checkins
    WHERE unit_id = ? AND at >= ? AND at < ? ORDER BY at, id`);
  // The analyses' own reads: one rule for what the observatory may count.
  const dataset = observatoryDataset(db);
  return {
    checkins: (unitIds, from, to) =>
      unitIds
        .flatMap((u) => checkins.all(u, from, to))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)),
    incidents(type, from, to) {
      const out: DosageIncident[] = [];
      const inPeriod = (iso: string) => iso >= from && iso < to;
      const types =
        type === 'all' ? ALERT_INCIDENT_TYPES : ALERT_INCIDENT_TYPES.filter((t) => t === type);
      for (const r of dataset.alerts(types)) {
        if (!inPeriod(r.receivedAt)) continue;
        if (!isPatrolEvidence({ type: r.type as AlertTypeCode, status: r.status as AlertStatus }))
          continue;
        out.push({ at: Date.parse(r.receivedAt), lat: r.lat, lng: r.lng });
      }
      if (type === 'all' || type === 'suspicious_activity') {
        for (const r of dataset.suspiciousActivity()) {
          if (inPeriod(r.at)) out.push({ at: Date.parse(r.at), lat: r.lat, lng: r.lng });
        }
      }
      return out.filter((i) => Number.isFinite(i.at)).sort((a, b) => a.at - b.at);
    },
  };
}
