import { isOpenStatus, NOTE_MAX } from '../../shared/catalogue.js';
import type { AlertStatus } from '../../shared/types.js';
import { field, type Check, type FieldRule, type RoomRules } from './rules.js';
import {
  alertType,
  iso,
  isUuid,
  location,
  requestCategory,
  sameAsKey,
  text,
} from './validators.js';

/** What a resident writes when raising an alert (DESIGN §4, contract); all of it required. */
const ALERT_FIELDS: Readonly<Record<string, FieldRule>> = {
  id: field(sameAsKey),
  type: field(alertType),
  createdAt: field(iso),
  location: field(location),
  note: field(text(0, NOTE_MAX)),
};

/** A neighbour request as its reporter files it (officers add `by`, see rooms-unit.ts). */
export const REQUEST_FIELDS: Readonly<Record<string, FieldRule>> = {
  id: field(sameAsKey),
  category: field(requestCategory),
  description: field(text(1, 1000)),
  location: field(location),
  createdAt: field(iso),
};

/** A missing status means the server has not received the alert yet: cancelling is fine. */
const whileOpen: Check = (_value, ctx) => {
  const status = ctx.current('status');
  if (status === undefined) return null;
  return typeof status === 'string' && isOpenStatus(status as AlertStatus)
    ? null
    : 'alert is closed';
};

/**
 * `user:<id>`, written by its owner only. Everything else in it (`receivedAt`, `status`,
 * `statusAt`, `unitLabel`, `unitStatus`, `enRouteAt`) is the server's. A cancel may travel with the creation when both
 * were made offline.
 */
export const USER_ROOM_RULES: RoomRules = {
  alerts: {
    key: isUuid,
    create: {
      fields: { ...ALERT_FIELDS, cancelledAt: field(iso) },
      required: Object.keys(ALERT_FIELDS),
    },
    update: { cancelledAt: field(iso, { once: true, guard: whileOpen }) },
  },
  requests: {
    key: isUuid,
    create: {
      fields: { ...REQUEST_FIELDS, cancelledAt: field(iso) },
      required: Object.keys(REQUEST_FIELDS),
    },
    update: { cancelledAt: field(iso, { once: true }) },
  },
};
