import * as Y from 'yjs';
import { isOpenStatus, operatorMay } from '../../../shared/catalogue.js';
import type { AlertOutcome } from '../../../shared/console.js';
import type { AlertStatus } from '../../../shared/types.js';
import { REQUEST_STEPS } from '../../../sync/policy/rooms-ops.js';

/** sync/policy rooms-ops: an operator's note is 1–1000 characters. */
export const NOTE_TEXT_MAX = 1000;

/**
 * The console's writes to `ops`, each one transaction (one update). Every helper checks the
 * rule the server will apply (sync/policy rooms-ops) against this copy of the room first, so
 * the console never sends a write it knows will be refused; when two operators race, the
 * server's answer decides and the console shows it (operator-home, `reset`).
 */
export type ActionResult = 'done' | 'not-allowed' | 'missing';

function alertMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const rec = doc.getMap('alerts').get(id);
  return rec instanceof Y.Map ? (rec as Y.Map<unknown>) : null;
}

const statusOf = (rec: Y.Map<unknown>) => rec.get('status') as AlertStatus | undefined;

export function setStatus(doc: Y.Doc, id: string, to: AlertStatus): ActionResult {
  const rec = alertMap(doc, id);
  if (!rec) return 'missing';
  if (!operatorMay(statusOf(rec), to)) return 'not-allowed';
  rec.set('status', to);
  return 'done';
}

/**
 * Sends a unit: the unit and the status in one update, as the policy requires. From
 * `received` the operator takes the alert first (its own update, stamped on its own).
 */
export function dispatchUnit(doc: Y.Doc, id: string, unitId: string): ActionResult {
  const rec = alertMap(doc, id);
  if (!rec) return 'missing';
  if (statusOf(rec) === 'received') setStatus(doc, id, 'acknowledged');
  if (!operatorMay(statusOf(rec), 'dispatched')) return 'not-allowed';
  doc.transact(() => {
    rec.set('assignedUnit', unitId);
    rec.set('status', 'dispatched');
  });
  return 'done';
}

export function resolve(doc: Y.Doc, id: string, outcome: AlertOutcome): ActionResult {
  const rec = alertMap(doc, id);
  if (!rec) return 'missing';
  if (!operatorMay(statusOf(rec), 'resolved')) return 'not-allowed';
  doc.transact(() => {
    rec.set('status', 'resolved');
    rec.set('outcome', outcome);
  });
  return 'done';
}

/** Escalation to 911 / provincial police: once, while the alert is open. */
export function escalate(doc: Y.Doc, id: string): ActionResult {
  const rec = alertMap(doc, id);
  if (!rec) return 'missing';
  if (rec.has('escalatedAt') || !isOpenStatus(statusOf(rec))) return 'not-allowed';
  rec.set('escalatedAt', new Date().toISOString());
  return 'done';
}

export function canEscalate(status: AlertStatus | undefined, escalatedAt?: string): boolean {
  return !escalatedAt && isOpenStatus(status);
}

/** Ticks or clears a protocol step in the checklist the server created. */
export function toggleStep(doc: Y.Doc, id: string, step: string, done: boolean): ActionResult {
  const list = alertMap(doc, id)?.get('checklist');
  if (!(list instanceof Y.Map)) return 'missing';
  if (done) list.set(step, true);
  else list.delete(step);
  return 'done';
}

export function addNote(doc: Y.Doc, id: string, text: string, by: string): ActionResult {
  const notes = alertMap(doc, id)?.get('notes');
  const body = text.trim().slice(0, NOTE_TEXT_MAX);
  if (!(notes instanceof Y.Array)) return 'missing';
  if (!body) return 'not-allowed';
  notes.push([{ id: crypto.randomUUID(), text: body, at: new Date().toISOString(), by }]);
  return 'done';
}

/** A neighbour request's status or reply (rooms-ops `requests`; forward-only statuses). */
export function answerRequest(
  doc: Y.Doc,
  id: string,
  patch: { status?: string; reply?: string },
): ActionResult {
  const rec = doc.getMap('requests').get(id);
  if (!(rec instanceof Y.Map)) return 'missing';
  const from = String(rec.get('status'));
  if (patch.status !== undefined && patch.status !== from && !requestMay(from, patch.status))
    return 'not-allowed';
  doc.transact(() => {
    if (patch.status !== undefined && rec.get('status') !== patch.status)
      rec.set('status', patch.status);
    if (patch.reply !== undefined && rec.get('reply') !== patch.reply)
      rec.set('reply', patch.reply);
  });
  return 'done';
}

/** The statuses a request may move to next (the server's forward-only rule). */
export function requestMay(from: string, to: string): boolean {
  return (Object.hasOwn(REQUEST_STEPS, from) ? REQUEST_STEPS[from]! : []).includes(to);
}
