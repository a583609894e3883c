import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { unmanned } from '../../../shared/dispatch-progress.js';
import type { SyncedRoom } from '../../data/room.js';
import { consoleApi } from '../../data/console.js';
import { ApiFailure } from '../../data/api.js';
import { canRelease } from './held-note.js';
import type { DetailMode, Intent } from './alert-detail.js';
import type { OpenedAlert } from '../../../shared/console.js';
import type { OpsView } from './ops-data.js';
import { nextUnit } from './dispatch-watch.js';
import {
  addNote,
  answerRequest,
  dispatchUnit,
  escalate,
  resolve,
  setStatus,
  toggleStep,
  type ActionResult,
} from './ops-actions.js';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** What carrying out an intent needs of the console (operator-home). */
export interface IntentHost {
  readonly room: SyncedRoom | null;
  readonly view: OpsView;
  readonly me: Me;
  readonly city: CityInfo;
  selected: string | null;
  mode: DetailMode;
  /** a unit nobody is connected for, picked and awaiting the operator's confirmation */
  pendingDispatch: string | null;
  identity: OpenedAlert | null;
  notice: Notice | null;
  lastAction: { label: string; at: number } | null;
  select(id: string | null): void;
  centreMap(): void;
  /** an alert of `ops` or of the history page on screen */
  findAlert(id: string): OpsView['alerts'][number] | undefined;
}

export type ConsoleIntent =
  Intent | { kind: 'request'; id: string; status?: string; reply?: string };

/**
 * Carries out what the operator asked: writes to `ops` (ops-actions.ts) or calls the API.
 * A write the local copy already shows to be impossible (another operator got there first)
 * is not sent; the operator is told why instead.
 */
export function perform(host: IntentHost, intent: ConsoleIntent): void {
  const doc = host.room?.doc;
  const id = host.selected;
  const write = (label: string, act: () => ActionResult) => {
    host.lastAction = { label, at: Date.now() };
    const result = act();
    host.mode = 'view';
    if (result === 'not-allowed') {
      const status = host.view.alerts.find((a) => a.id === id)?.status;
      host.notice = {
        kind: 'error',
        text: t('ops.not_allowed', { action: label, status: status ? t(`status.${status}`) : '—' }),
      };
    } else if (result === 'done') {
      host.notice = null;
    }
  };
  switch (intent.kind) {
    case 'mode':
      host.mode = intent.mode;
      host.pendingDispatch = null;
      return;
    case 'close':
      host.select(null);
      return;
    case 'centre':
      host.centreMap();
      return;
    case 'request':
      if (doc)
        write(t('ops.tab.requests'), () =>
          answerRequest(doc, intent.id, {
            ...(intent.status !== undefined ? { status: intent.status } : {}),
            ...(intent.reply !== undefined ? { reply: intent.reply } : {}),
          }),
        );
      return;
    case 'identity':
      if (id) void revealIdentity(host, id);
      return;
    case 'release':
      if (id) void releaseHeld(host, id);
      return;
  }
  if (!doc || !id) return;
  switch (intent.kind) {
    case 'acknowledge':
      return write(t('ops.action.acknowledge'), () => setStatus(doc, id, 'acknowledged'));
    case 'on_scene':
      return write(t('ops.action.on_scene'), () => setStatus(doc, id, 'on_scene'));
    case 'false_alarm':
      return write(t('ops.action.false_alarm'), () => setStatus(doc, id, 'false_alarm'));
    case 'escalate':
      return write(t('ops.action.escalate'), () => escalate(doc, id));
    case 'dispatch': {
      const alert = host.view.alerts.find((a) => a.id === id);
      const again = alert?.status === 'dispatched';
      if (again && alert.assignedUnit === intent.unitId) {
        host.mode = 'view';
        return;
      }
      const unit = host.view.units.find((u) => u.id === intent.unitId);
      if (unit && unmanned(unit) && !intent.confirmed) {
        host.pendingDispatch = unit.id;
        return;
      }
      host.pendingDispatch = null;
      // Already dispatched: the pick sends it to another unit, through the server.
      if (again) return void redispatch(host, id, intent.unitId);
      return write(t('ops.action.dispatch'), () => dispatchUnit(doc, id, intent.unitId));
    }
    case 'redispatch': {
      const alert = host.view.alerts.find((a) => a.id === id);
      if (alert?.status !== 'dispatched') return;
      const unitId = intent.unitId ?? nextUnit(alert, host.view.units, host.city)?.unit.id;
      if (!unitId) {
        host.notice = { kind: 'error', text: t('ops.accept.no_other') };
        return;
      }
      return void redispatch(host, id, unitId);
    }
    case 'resolve':
      return write(t('ops.action.resolve'), () => resolve(doc, id, intent.outcome));
    case 'step':
      return write(t('ops.detail.protocol'), () => toggleStep(doc, id, intent.step, intent.done));
    case 'note':
      return write(t('ops.detail.add_note'), () => addNote(doc, id, intent.text, host.me.id));
  }
}

/**
 * Sends what the per-resident threshold held back (server: audited, sirens and neighbours);
 * the alert's `releasedAt` then arrives through `ops`.
 */
async function releaseHeld(host: IntentHost, id: string): Promise<void> {
  if (!canRelease(host.view.alerts.find((a) => a.id === id))) return;
  host.lastAction = { label: t('held.ops.title'), at: Date.now() };
  try {
    await consoleApi.release(id);
    host.notice = { kind: 'info', text: t('held.ops.done') };
  } catch (e) {
    const code = e instanceof ApiFailure ? e.code : 'internal';
    host.notice = { kind: 'error', text: t('held.ops.failed', { code }) };
  }
}

/** Sends a dispatched alert to another unit; the rooms show it once the server did. */
async function redispatch(host: IntentHost, id: string, unitId: string): Promise<void> {
  host.mode = 'view';
  host.pendingDispatch = null;
  const label = host.view.units.find((u) => u.id === unitId)?.label ?? unitId;
  try {
    await consoleApi.redispatch(id, unitId);
    host.notice = { kind: 'info', text: t('ops.accept.sent', { unit: label }) };
  } catch {
    host.notice = { kind: 'error', text: t('ops.accept.failed') };
  }
}

/** A silent alert's reporter, asked of the server (which audits it) only when wanted. */
async function revealIdentity(host: IntentHost, id: string): Promise<void> {
  const alert = host.findAlert(id);
  if (!alert?.identityProtected || host.identity) return;
  try {
    const identity = await consoleApi.identity(id);
    if (host.selected === id) host.identity = identity;
  } catch {
    host.notice = { kind: 'error', text: t('app.error') };
  }
}
