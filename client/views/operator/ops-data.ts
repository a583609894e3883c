import * as Y from 'yjs';
import { PRIORITY_RANK, alertType, isOpenStatus } from '../../../shared/catalogue.js';
import type { OpsRequest, OpsSiren, OpsUnit } from '../../../shared/console.js';
import { distanceMetres } from '../../../shared/geo.js';
import { getLang, t } from '../../../shared/i18n/core.js';
import { unmanned } from '../../../shared/dispatch-progress.js';
import type {
  AlertStatus,
  AlertTypeCode,
  CityInfo,
  GeoPoint,
  OpsAlert,
} from '../../../shared/types.js';

/** An operator's note on an alert (sync/policy rooms-ops `notes`). */
export interface OpsNote {
  id: string;
  text: string;
  at: string;
  by: string;
}

/** The alert as the console reads it from `ops`, with the operators' working fields. */
export interface ConsoleAlert extends OpsAlert {
  checklist?: Record<string, boolean>;
  notes?: OpsNote[];
  outcome?: string;
  escalatedBy?: string;
  /** a silent alert: the reporter is not in the room (server/console/ops-record.ts) */
  identityProtected?: boolean;
  reporterFalseAlarms?: number;
}

export interface OpsView {
  alerts: ConsoleAlert[];
  units: OpsUnit[];
  sirens: OpsSiren[];
  requests: OpsRequest[];
}

function records<T>(doc: Y.Doc, name: string): T[] {
  const out: T[] = [];
  doc.getMap(name).forEach((value) => {
    if (value instanceof Y.Map) out.push(value.toJSON() as T);
  });
  return out;
}

/** Plain snapshots of everything in `ops`; the console renders from these, never the doc. */
export function readOps(doc: Y.Doc): OpsView {
  return {
    alerts: records<ConsoleAlert>(doc, 'alerts').sort(queueOrder),
    units: records<OpsUnit>(doc, 'units').sort((a, b) => unitNumber(a.id) - unitNumber(b.id)),
    sirens: records<OpsSiren>(doc, 'sirens'),
    requests: records<OpsRequest>(doc, 'requests').sort((a, b) =>
      b.receivedAt.localeCompare(a.receivedAt),
    ),
  };
}

const unitNumber = (id: string): number => Number(/\d+$/.exec(id)?.[0] ?? 0);

/**
 * Open alerts first; among them, nobody's yet (received) before the ones being worked, then
 * the most urgent type, then the oldest: the one waiting longest is the one at risk. Closed
 * alerts follow, newest first.
 */
export function queueOrder(a: OpsAlert, b: OpsAlert): number {
  const open = Number(isOpenStatus(b.status)) - Number(isOpenStatus(a.status));
  if (open) return open;
  if (!isOpenStatus(a.status)) return (b.statusAt ?? '').localeCompare(a.statusAt ?? '');
  const waiting = Number(b.status === 'received') - Number(a.status === 'received');
  if (waiting) return waiting;
  const rank =
    PRIORITY_RANK[alertType(a.type).priority] - PRIORITY_RANK[alertType(b.type).priority];
  if (rank) return rank;
  return (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '');
}

export type StatusFilter = 'open' | 'closed' | 'all' | AlertStatus;

export interface QueueFilter {
  status: StatusFilter;
  type: AlertTypeCode | '';
  area: string;
  /** free text: area, reporter, note, type, the start of the id */
  text: string;
  /** the first and last day (the city's calendar, YYYY-MM-DD) of the history asked for */
  from: string;
  to: string;
  /** searching the whole history on the server rather than the last day in `ops` */
  history: boolean;
}

export const NO_FILTER: QueueFilter = {
  status: 'open',
  type: '',
  area: '',
  text: '',
  from: '',
  to: '',
  history: false,
};

/** The queue shows the server's history (a day range or a search of it), not the live room. */
export const inHistory = (f: QueueFilter): boolean => f.history || Boolean(f.from || f.to);

export function matches(
  a: ConsoleAlert,
  f: QueueFilter,
  areaName: (id: string) => string,
): boolean {
  if (f.status === 'open' && !isOpenStatus(a.status)) return false;
  if (f.status === 'closed' && isOpenStatus(a.status)) return false;
  if (f.status !== 'open' && f.status !== 'closed' && f.status !== 'all' && a.status !== f.status)
    return false;
  if (f.type && a.type !== f.type) return false;
  if (f.area && a.areaId !== f.area) return false;
  const text = f.text.trim().toLocaleLowerCase();
  if (!text) return true;
  const hay = [
    a.areaId ? areaName(a.areaId) : '',
    a.reporterName,
    a.note,
    a.assignedUnit ?? '',
    t(`alert.type.${a.type}`),
    a.id.slice(0, 8),
  ]
    .join(' ')
    .toLocaleLowerCase();
  return hay.includes(text);
}

/** "4 min", "1 h 12 min": how long something has waited, for a glance. */
export function ageOf(fromIso: string | undefined, nowMs: number): string {
  if (!fromIso) return '—';
  const s = Math.max(0, Math.round((nowMs - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  // An alert of the history is days old: "36 d 4 h" reads, "868 h 12 min" does not.
  if (h >= 48) return `${Math.floor(h / 24)} d ${h % 24} h`;
  return `${h} h ${m % 60} min`;
}

/** Seconds as "m:ss" (or "h:mm:ss"), for response times. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Where to draw a unit: its last logged position, else the middle of its quadrant (drawn
 * faded: "somewhere on its beat"), so the map and the distances still say something.
 */
export function unitPosition(u: OpsUnit, city: CityInfo): GeoPoint | null {
  if (typeof u.lat === 'number' && typeof u.lng === 'number') return { lat: u.lat, lng: u.lng };
  const rings = city.areas.features
    .filter((f) => u.quadrant?.includes(f.properties.id))
    .flatMap((f) => f.geometry.coordinates[0] ?? []);
  if (!rings.length) return null;
  const lat = rings.reduce((s, p) => s + p[1]!, 0) / rings.length;
  const lng = rings.reduce((s, p) => s + p[0]!, 0) / rings.length;
  return { lat, lng };
}

export interface UnitChoice {
  unit: OpsUnit;
  /** metres from the alert; null when either place is unknown */
  metres: number | null;
  /** the distance is to the middle of the unit's beat, not a logged position */
  approximate: boolean;
}

/**
 * Free cars with someone connected first, nearest first; then free cars nobody is connected
 * for (a dispatch may ring no phone); busy ones last, still choosable (the operator decides).
 */
export function rankUnits(units: OpsUnit[], at: GeoPoint | null, city: CityInfo): UnitChoice[] {
  const tier = (u: OpsUnit) => (u.status !== 'available' ? 2 : unmanned(u) ? 1 : 0);
  return units
    .map((unit) => {
      const pos = unitPosition(unit, city);
      return {
        unit,
        metres: at && pos ? distanceMetres(at, pos) : null,
        approximate: typeof unit.lat !== 'number',
      };
    })
    .sort((a, b) => tier(a.unit) - tier(b.unit) || (a.metres ?? Infinity) - (b.metres ?? Infinity));
}

export function formatDistance(metres: number | null): string {
  if (metres === null) return '—';
  const locale = getLang() === 'es' ? 'es-AR' : 'en-GB';
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
}
