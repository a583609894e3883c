import type { AuditDetail, AuditEntryView, AuditSubject } from '../../shared/console.js';
import type { City } from '../city/city.js';
import type { AuditEntry } from '../storage/storage.js';

/** A note as the log shows it: enough to recognise it, not a second copy of the thread. */
const NOTE_CHARS = 120;

function subjectOf(e: AuditEntry, city: City): AuditSubject | null {
  if (e.alertType && e.alertAt)
    return { kind: 'alert', type: e.alertType, areaId: e.alertArea, receivedAt: e.alertAt };
  if (e.requestCategory)
    return { kind: 'request', category: e.requestCategory, areaId: e.requestArea };
  if (e.userName !== null && e.userUsername !== null)
    return { kind: 'user', name: e.userName, username: e.userUsername };
  if (e.action.startsWith('siren.')) {
    const siren = city.sirens.find((s) => s.id === e.subject);
    return siren ? { kind: 'siren', label: siren.label, areaId: siren.areaId } : null;
  }
  if (e.action === 'plan.edit') {
    // `<unit>/<local date>.<shift>` (server/units/routes.ts)
    const [unitId, key = ''] = e.subject.split('/');
    const [day = '', shift = ''] = key.split('.');
    const unit = city.units.find((u) => u.id === unitId);
    return { kind: 'plan', unit: unit?.label ?? unitId ?? '', day, shift };
  }
  // A released sign-in wait of an address, or of a username with no account.
  const address = /^(address|account):(.+)$/.exec(e.subject);
  if (address) return { kind: 'address', address: address[2]! };
  return null;
}

function detailOf(e: AuditEntry, city: City): AuditDetail | null {
  if (!e.detail && e.action !== 'alert.note') return null;
  if (e.action.startsWith('export.')) return exportDetail(e.detail);
  switch (e.action) {
    case 'alert.dispatched': {
      const unit = city.units.find((u) => u.id === e.detail);
      return { kind: 'unit', label: unit?.label ?? e.detail };
    }
    case 'alert.outcome':
      return { kind: 'outcome', outcome: e.detail };
    case 'alert.escalated':
      return Number.isNaN(Date.parse(e.detail)) ? null : { kind: 'time', at: e.detail };
    case 'alert.note':
      return e.noteText === null
        ? null
        : {
            kind: 'note',
            text:
              e.noteText.length > NOTE_CHARS ? `${e.noteText.slice(0, NOTE_CHARS)}…` : e.noteText,
          };
    case 'alert.checklist': {
      const [step = '', done] = e.detail.split('=');
      return { kind: 'step', step, done: done === 'true' };
    }
    default:
      return null;
  }
}

/** An export's shape as server/exports/routes.ts writes it; null if it reads otherwise. */
function exportDetail(detail: string): AuditDetail | null {
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    if (typeof d.rows !== 'number' || !text(d.format) || !text(d.from) || !text(d.to)) return null;
    return {
      kind: 'export',
      format: text(d.format)!,
      scope: d.scope === 'full' ? 'full' : 'anonymised',
      from: text(d.from)!,
      to: text(d.to)!,
      type: text(d.type),
      area: text(d.area),
      rows: d.rows,
    };
  } catch {
    return null;
  }
}

/**
 * An audit row as the console shows it: names, not ids. Subjects and details the server
 * cannot name (an action added later) come back as stored, and the view shows them as they are.
 */
export function readableEntry(e: AuditEntry, city: City): AuditEntryView {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    subject: e.subject,
    detail: e.detail,
    subjectLabel: e.subjectLabel,
    about: subjectOf(e, city),
    said: detailOf(e, city),
  };
}
