import type { AuditDetail, AuditEntryView } from '../../../shared/console.js';
import { REQUEST_CATEGORIES, isAlertTypeCode } from '../../../shared/catalogue.js';
import { formatDateTime, formatTime, getLang, isMessageKey, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';

/**
 * An audit entry in words (the server resolves ids to names, server/console/audit-names.ts):
 * the action translated, the subject by what it is, the detail by what it means, times in
 * the city's zone. What the console cannot name (an action added later) reads as recorded.
 */

export function actionText(action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

const areaName = (city: CityInfo | null, id: string | null): string =>
  (id && city?.areas.features.find((f) => f.properties.id === id)?.properties.name) ||
  t('audit.no_area');

const categoryText = (c: string): string => {
  const known = REQUEST_CATEGORIES.find((x) => x === c);
  return known ? t(`request.category.${known}`) : c;
};

const shiftText = (shift: string): string => {
  const key = `officer.shift.${shift}`;
  return isMessageKey(key) ? t(key) : shift;
};

export function subjectText(e: AuditEntryView, city: CityInfo | null): string {
  const s = e.about;
  if (!s) return e.subjectLabel ?? '—';
  switch (s.kind) {
    case 'alert':
      return t('audit.subject.alert', {
        type: isAlertTypeCode(s.type) ? t(`alert.type.${s.type}`) : s.type,
        area: areaName(city, s.areaId),
        time: formatDateTime(s.receivedAt),
      });
    case 'user':
      return `${s.name} (@${s.username})`;
    case 'request':
      return t('audit.subject.request', {
        category: categoryText(s.category),
        area: areaName(city, s.areaId),
      });
    case 'siren':
      return t('audit.subject.siren', { label: s.label });
    case 'plan':
      return t('audit.subject.plan', {
        unit: s.unit,
        day: s.day.split('-').reverse().join('/'),
        shift: shiftText(s.shift),
      });
    case 'address':
      return t('audit.subject.address', { address: s.address });
  }
}

const dayText = (d: string): string => d.split('-').reverse().join('/');

/** "CSV · 01/03/2026–31/03/2026 · Incendio · Bombal Sur · 12 filas · sin datos personales" */
function exportText(d: Extract<AuditDetail, { kind: 'export' }>, city: CityInfo | null): string {
  const parts = [d.format.toUpperCase(), `${dayText(d.from)}–${dayText(d.to)}`];
  if (d.type) {
    const key = isAlertTypeCode(d.type) ? `alert.type.${d.type}` : `request.category.${d.type}`;
    parts.push(isMessageKey(key) ? t(key) : d.type);
  }
  if (d.area) parts.push(areaName(city, d.area));
  parts.push(t('audit.detail.export_rows', { rows: d.rows.toLocaleString(getLang()) }));
  parts.push(t(`audit.detail.export_${d.scope}`));
  return parts.join(' · ');
}

export function detailText(e: AuditEntryView, city: CityInfo | null = null): string {
  const d = e.said;
  if (!d) return e.detail && !/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(e.detail) ? e.detail : '';
  switch (d.kind) {
    case 'unit':
      return t('audit.detail.unit', { unit: d.label });
    case 'outcome': {
      const key = `ops.outcome.${d.outcome}`;
      return t('audit.detail.outcome', { outcome: isMessageKey(key) ? t(key) : d.outcome });
    }
    case 'time':
      return t('audit.detail.time', { time: formatTime(d.at) });
    case 'note':
      return t('audit.detail.note', { text: d.text });
    case 'export':
      return exportText(d, city);
    case 'step': {
      const key = `protocol.${d.step}`;
      const step = isMessageKey(key) ? t(key) : d.step;
      return t(d.done ? 'audit.detail.step_done' : 'audit.detail.step_undone', { step });
    }
  }
}
