import { alertType, isAlertTypeCode, isOpenStatus } from '../../shared/catalogue.js';
import type { AlertStatus } from '../../shared/types.js';
import type { CapAlertRow } from '../storage/integrations.js';
import { CAP_TYPES } from './mapping.js';

/** The steps of an alert that are a CAP message; `alert` is the first, whatever its status. */
export const STAGE_KEYS = [
  'alert',
  'dispatched',
  'on_scene',
  'resolved',
  'false_alarm',
  'cancelled',
] as const;
export type StageKey = (typeof STAGE_KEYS)[number];
export type MsgType = 'Alert' | 'Update' | 'Cancel';

export interface Stage {
  key: StageKey;
  msgType: MsgType;
  /** the alert's status the message reports */
  status: Exclude<AlertStatus, 'received'>;
  /** when it was stamped (ISO, as stored) */
  at: string;
}

/** An operator took the alert, or moved it on while open: it is verified from then. */
const VERIFYING = new Set<AlertStatus>(['acknowledged', 'dispatched', 'on_scene']);
/** Later steps, each one message: the first of each only (a second dispatch is no news). */
const LATER: Partial<Record<AlertStatus, MsgType>> = {
  dispatched: 'Update',
  on_scene: 'Update',
  resolved: 'Update',
  false_alarm: 'Cancel',
  cancelled: 'Cancel',
};

/** Whether CAP may ever speak of an alert of this type: mapped, and not silent. */
export function publishable(type: string): boolean {
  return isAlertTypeCode(type) && !alertType(type).silent && CAP_TYPES[type] !== undefined;
}

/**
 * The messages an alert's life gives, oldest first; none while it is not public. Public means
 * what neighbours may see (a type that is not silent, not held back by the per-resident
 * threshold unless an operator released it) and verified by an operator: a resident's press
 * alone is not a public warning. The first message is an Alert, at the later of verification
 * and release; steps before it fold into it. Then an Update on dispatch, on scene and on
 * resolution (AllClear), or a Cancel on a false alarm or a cancel. Derived from stamps only,
 * so the same step always gives the same message.
 */
export function stagesOf(a: CapAlertRow): Stage[] {
  if (!publishable(a.type) || (a.flagged && !a.releasedAt)) return [];
  const v = a.events.findIndex((e) => VERIFYING.has(e.status));
  if (v < 0) return [];
  const verifiedAt = a.events[v]!.at;
  const publicAt = a.flagged && a.releasedAt! > verifiedAt ? a.releasedAt! : verifiedAt;
  let status = a.events[v]!.status;
  let i = v + 1;
  for (; i < a.events.length && a.events[i]!.at <= publicAt; i++) status = a.events[i]!.status;
  // Closed before it was ever public (released too late): nothing to say.
  if (!isOpenStatus(status) || status === 'received') return [];
  const stages: Stage[] = [{ key: 'alert', msgType: 'Alert', status, at: publicAt }];
  const seen = new Set<AlertStatus>([status]);
  for (; i < a.events.length; i++) {
    const e = a.events[i]!;
    const msgType = LATER[e.status];
    if (!msgType || seen.has(e.status)) continue;
    seen.add(e.status);
    const step = e.status as Stage['status'] & StageKey;
    stages.push({ key: step, msgType, status: step, at: e.at });
    if (!isOpenStatus(e.status)) break;
  }
  return stages;
}

/** `sac.<alert id>.<step>`: unique per message, the same for the same step every time. */
export const identifierOf = (alertId: string, key: StageKey) => `sac.${alertId}.${key}`;

/** The alert id and step of an identifier, or null when it is not one of ours. */
export function parseIdentifier(identifier: string): { alertId: string; key: StageKey } | null {
  const m = /^sac\.([0-9A-Za-z-]{1,64})\.([a-z_]+)$/.exec(identifier);
  if (!m || !(STAGE_KEYS as readonly string[]).includes(m[2]!)) return null;
  return { alertId: m[1]!, key: m[2] as StageKey };
}
