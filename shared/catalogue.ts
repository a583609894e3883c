import type {
  AlertStatus,
  AlertTypeCode,
  OpenStatus,
  Priority,
  RequestCategory,
  SirenPattern,
} from './types.js';
import { OPEN_STATUSES } from './types.js';

export interface AlertTypeInfo {
  code: AlertTypeCode;
  /** Silent types reach operators and the assigned unit only (DESIGN §2). */
  silent: boolean;
  notifyNeighbours: boolean;
  siren: SirenPattern | null;
  priority: Priority;
  /** The operator's protocol checklist, in order. Keys resolve through i18n. */
  protocol: string[];
}

/** The default catalogue (DESIGN §3). A city may override it in its configuration. */
export const ALERT_TYPES: readonly AlertTypeInfo[] = [
  {
    code: 'general',
    silent: false,
    notifyNeighbours: true,
    siren: 'alert',
    priority: 'high',
    protocol: ['call_back', 'confirm_location', 'dispatch_unit', 'inform_neighbours'],
  },
  {
    code: 'medical',
    silent: false,
    notifyNeighbours: true,
    siren: null,
    priority: 'high',
    protocol: ['call_back', 'call_ambulance', 'confirm_location', 'dispatch_unit'],
  },
  {
    code: 'gender_violence',
    silent: true,
    notifyNeighbours: false,
    siren: null,
    priority: 'critical',
    protocol: ['do_not_call_back', 'dispatch_unit', 'escalate_police', 'contact_support_line'],
  },
  {
    code: 'bicycle_theft',
    silent: false,
    notifyNeighbours: true,
    siren: 'alert',
    priority: 'normal',
    protocol: ['call_back', 'get_description', 'dispatch_unit'],
  },
  {
    code: 'fire',
    silent: false,
    notifyNeighbours: true,
    siren: 'fire',
    priority: 'critical',
    protocol: ['call_firefighters', 'confirm_location', 'dispatch_unit', 'inform_neighbours'],
  },
];

export const ALERT_TYPE_CODES = ALERT_TYPES.map((t) => t.code);

export function alertType(code: AlertTypeCode): AlertTypeInfo {
  const info = ALERT_TYPES.find((t) => t.code === code);
  if (!info) throw new Error(`unknown alert type ${code}`);
  return info;
}

export function isAlertTypeCode(value: unknown): value is AlertTypeCode {
  return typeof value === 'string' && (ALERT_TYPE_CODES as string[]).includes(value);
}

export const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, normal: 2 };

export const REQUEST_CATEGORIES: readonly RequestCategory[] = [
  'street_lighting',
  'trash',
  'weeds',
  'abandoned_vehicle',
  'debris',
  'cleanliness',
  'noise',
  'tree_pruning',
  'other',
];

export function isOpenStatus(status: AlertStatus | undefined): status is OpenStatus {
  return status !== undefined && (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Transitions an operator may make (DESIGN §4). The reporter may only cancel an open alert,
 * and the server stamps `received`. Anything else is refused by the write policy.
 */
export const OPERATOR_TRANSITIONS: Record<OpenStatus, readonly AlertStatus[]> = {
  received: ['acknowledged', 'false_alarm'],
  acknowledged: ['dispatched', 'resolved', 'false_alarm'],
  dispatched: ['on_scene', 'resolved', 'false_alarm'],
  on_scene: ['resolved', 'false_alarm'],
};

export function operatorMay(from: AlertStatus | undefined, to: AlertStatus): boolean {
  if (!isOpenStatus(from)) return false;
  return OPERATOR_TRANSITIONS[from].includes(to);
}

/** A siren sounds only when the alert is raised this close to the reporter's home. */
export const NEAR_HOME_METRES = 200;

/** Past this many alerts in the window, further ones reach operators only (DESIGN §4). */
export const ALERT_THRESHOLD = { count: 3, windowMs: 10 * 60_000 } as const;

export const NOTE_MAX = 500;
