import { CONVERSATION_QUESTIONS } from '../../shared/conversations.js';
import { roundLocation } from '../../shared/geo.js';
import { isMessageKey, tFor, type Lang } from '../../shared/i18n/index.js';
import type { ExportDataset, ExportRows } from '../storage/exports.js';

/**
 * Who takes what, in one place: a column table per dataset. `full` is the operators' and
 * admins' export (the records as the console shows them); `anonymised` is the analysts'
 * (DESIGN §2: never an identity, never a silent alert — those rows are not even read for them,
 * see routes.ts). A column without `full: true` is in both.
 */
export type ExportScope = 'full' | 'anonymised';
export type Cell = string | number | boolean | null;

export interface CellContext {
  lang: Lang;
  /** an instant as `2026-11-03T21:14:05-03:00` (server/city/zoned-time.ts) */
  time(iso: string | null): string;
  areaName(id: string | null): string;
  unitLabel(id: string | null): string;
  /** the position this reader may have of the record (pointFor with its scope) */
  point(r: Position): { lat: number; lng: number } | null;
}

export interface Column<R> {
  name: string;
  /** operators and admins only */
  full?: true;
  /**
   * Text someone typed (a note, a name): guarded against spreadsheet formulas in CSV
   * (csv.ts). Codes, ids, numbers and times never need it.
   */
  typed?: true;
  value(r: R, c: CellContext): Cell;
}

export interface DatasetSpec<R> {
  /** `alertas` in `sac-alertas-2026-01-01_2026-12-31.csv`, by language */
  fileName: Record<Lang, string>;
  /** whether `type` filters this dataset (alert type or request category) */
  typed: boolean;
  /**
   * How an analyst gets the position: rounded to the ~100 m grid neighbours see where a
   * resident could be found from it (an alert, a request, a conversation at a door); exact for
   * a check-in, which is a patrol car at a public fixed point of its plan.
   */
  anonymisedPosition: 'rounded' | 'exact';
  columns: Column<R>[];
}

export type Position = { lat: number | null; lng: number | null; accuracy: number | null };

const label = (lang: Lang, key: string, code: string | null): string => {
  if (!code) return '';
  return isMessageKey(key) ? tFor(lang, key) : code;
};

/** The position a scope gets, or null when the record has none. */
export function pointFor(
  spec: Pick<DatasetSpec<unknown>, 'anonymisedPosition'>,
  scope: ExportScope,
  r: Position,
): { lat: number; lng: number } | null {
  if (r.lat === null || r.lng === null) return null;
  const exact = { lat: r.lat, lng: r.lng };
  return scope === 'full' || spec.anonymisedPosition === 'exact' ? exact : roundLocation(exact);
}

/** lat, lng (as the scope gets them) and, for operators, the phone's accuracy in metres. */
function positionColumns<R extends Position>(
  spec: Pick<DatasetSpec<R>, 'anonymisedPosition'>,
): Column<R>[] {
  return [
    { name: 'lat', value: (r, c) => c.point(r)?.lat ?? null },
    { name: 'lng', value: (r, c) => c.point(r)?.lng ?? null },
    ...(spec.anonymisedPosition === 'exact'
      ? [{ name: 'accuracy_m', value: (r: R) => r.accuracy }]
      : [{ name: 'accuracy_m', full: true as const, value: (r: R) => r.accuracy }]),
  ];
}

const area = <R extends { areaId: string | null }>(): Column<R>[] => [
  { name: 'area_id', value: (r) => r.areaId },
  { name: 'area_name', value: (r, c) => c.areaName(r.areaId) },
];

const alerts: DatasetSpec<ExportRows['alerts']> = {
  fileName: { es: 'alertas', en: 'alerts' },
  typed: true,
  anonymisedPosition: 'rounded',
  columns: [],
};
alerts.columns = [
  { name: 'id', value: (r) => r.id },
  { name: 'type', value: (r) => r.type },
  { name: 'type_label', value: (r, c) => label(c.lang, `alert.type.${r.type}`, r.type) },
  { name: 'status', value: (r) => r.status },
  { name: 'received_at', value: (r, c) => c.time(r.receivedAt) },
  { name: 'created_at', full: true, value: (r, c) => c.time(r.createdAt) },
  { name: 'acknowledged_at', value: (r, c) => c.time(r.acknowledgedAt) },
  { name: 'dispatched_at', value: (r, c) => c.time(r.dispatchedAt) },
  { name: 'on_scene_at', value: (r, c) => c.time(r.onSceneAt) },
  { name: 'closed_at', value: (r, c) => c.time(r.closedAt) },
  { name: 'escalated_at', value: (r, c) => c.time(r.escalatedAt) },
  { name: 'outcome', value: (r) => r.outcome },
  ...area<ExportRows['alerts']>(),
  ...positionColumns(alerts),
  { name: 'unit_id', value: (r) => r.assignedUnit },
  { name: 'unit_label', value: (r, c) => c.unitLabel(r.assignedUnit) },
  { name: 'siren_requested', value: (r) => r.sirenRequested },
  { name: 'flagged', full: true, value: (r) => r.flagged },
  // A silent alert's reporter is empty here as on the console: only the audited identity view
  // names her.
  { name: 'identity_protected', full: true, value: (r) => r.reporter === null },
  { name: 'reporter_id', full: true, value: (r) => r.reporter?.id ?? null },
  { name: 'reporter_name', full: true, typed: true, value: (r) => r.reporter?.name ?? null },
  // Not guarded: checked at registration to digits, spaces, ( ) - and a leading +.
  { name: 'reporter_phone', full: true, value: (r) => r.reporter?.phone ?? null },
  { name: 'reporter_address', full: true, typed: true, value: (r) => r.reporter?.address ?? null },
  { name: 'note', full: true, typed: true, value: (r) => r.note },
];

const requests: DatasetSpec<ExportRows['requests']> = {
  fileName: { es: 'pedidos', en: 'requests' },
  typed: true,
  anonymisedPosition: 'rounded',
  columns: [],
};
requests.columns = [
  { name: 'id', value: (r) => r.id },
  { name: 'category', value: (r) => r.category },
  {
    name: 'category_label',
    value: (r, c) => label(c.lang, `request.category.${r.category}`, r.category),
  },
  { name: 'source', value: (r) => r.source },
  { name: 'status', value: (r) => r.status },
  { name: 'received_at', value: (r, c) => c.time(r.receivedAt) },
  { name: 'created_at', full: true, value: (r, c) => c.time(r.createdAt) },
  { name: 'status_at', value: (r, c) => c.time(r.statusAt) },
  { name: 'cancelled_at', value: (r, c) => c.time(r.cancelledAt) },
  ...area<ExportRows['requests']>(),
  ...positionColumns(requests),
  { name: 'unit_id', value: (r) => r.unitId },
  { name: 'unit_label', value: (r, c) => c.unitLabel(r.unitId) },
  { name: 'reporter_id', full: true, value: (r) => r.reporter.id },
  { name: 'reporter_name', full: true, typed: true, value: (r) => r.reporter.name },
  { name: 'reporter_phone', full: true, value: (r) => r.reporter.phone },
  { name: 'description', full: true, typed: true, value: (r) => r.description },
  // The municipality's reply may greet the neighbour by name: operators only.
  { name: 'reply', full: true, typed: true, value: (r) => r.reply },
];

const checkins: DatasetSpec<ExportRows['checkins']> = {
  fileName: { es: 'registros-en-puntos', en: 'checkins' },
  typed: false,
  anonymisedPosition: 'exact',
  columns: [],
};
checkins.columns = [
  { name: 'id', value: (r) => r.id },
  { name: 'at', value: (r, c) => c.time(r.at) },
  { name: 'received_at', value: (r, c) => c.time(r.receivedAt) },
  { name: 'kind', value: (r) => r.kind },
  { name: 'point', value: (r) => r.point },
  { name: 'plan_key', value: (r) => r.planKey },
  ...area<ExportRows['checkins']>(),
  ...positionColumns(checkins),
  { name: 'distance_m', value: (r) => r.distanceM },
  { name: 'unit_id', value: (r) => r.unitId },
  { name: 'unit_label', value: (r, c) => c.unitLabel(r.unitId) },
  { name: 'officer_id', full: true, value: (r) => r.officerId },
  { name: 'officer_name', full: true, typed: true, value: (r) => r.officerName },
];

const conversations: DatasetSpec<ExportRows['conversations']> = {
  fileName: { es: 'charlas', en: 'conversations' },
  typed: false,
  anonymisedPosition: 'rounded',
  columns: [],
};
conversations.columns = [
  { name: 'id', value: (r) => r.id },
  { name: 'at', value: (r, c) => c.time(r.at) },
  { name: 'received_at', value: (r, c) => c.time(r.receivedAt) },
  ...area<ExportRows['conversations']>(),
  ...positionColumns(conversations),
  { name: 'unit_id', value: (r) => r.unitId },
  { name: 'unit_label', value: (r, c) => c.unitLabel(r.unitId) },
  ...CONVERSATION_QUESTIONS.map((q): Column<ExportRows['conversations']> => ({
    name: `answer_${q}`,
    value: (r) => r.answers[q] ?? null,
  })),
  { name: 'officer_id', full: true, value: (r) => r.officerId },
  { name: 'officer_name', full: true, typed: true, value: (r) => r.officerName },
  // What the officer wrote down may name the neighbour: operators only.
  { name: 'note', full: true, typed: true, value: (r) => r.note },
];

export const DATASETS: { [D in ExportDataset]: DatasetSpec<ExportRows[D]> } = {
  alerts,
  requests,
  checkins,
  conversations,
};

/** The columns a scope takes of a dataset, in file order. */
export function columnsFor<D extends ExportDataset>(
  dataset: D,
  scope: ExportScope,
): Column<ExportRows[D]>[] {
  const all = DATASETS[dataset].columns as Column<ExportRows[D]>[];
  return scope === 'full' ? all : all.filter((c) => !c.full);
}
