import { z } from 'zod';
import type { PushMessage } from '../../shared/push-message.js';
import { isPushMessage } from '../../shared/push-message.js';

/**
 * The payloads of outbox rows (DESIGN §6). A row is written inside the alert's transaction
 * and read back by the sender, possibly by a later process after a crash, so both shapes
 * are checked on the way out rather than trusted.
 */
export interface PushJob {
  /** push_subscriptions.id; resolved at send time so an unsubscribe in between is honoured */
  sub: number;
  /** seconds the push service may hold the message for an offline device */
  ttl: number;
  urgency: 'high' | 'normal';
  /**
   * RFC 8030 §5.4: the push service replaces an undelivered message of the same topic with
   * this one. Only set on area pushes, whose message covers every alert the area had
   * within the TTL, so the replaced message never held anything this one does not.
   */
  topic?: string;
  message: PushMessage;
}

export type SirenCommandKind = 'sound' | 'silence' | 'test';

export interface SirenJob {
  siren: string;
  cmd: SirenCommandKind;
  pattern?: string;
  seconds?: number;
  /** the alert a sound or its silence is for; absent on an operator's test or silence */
  alert?: string;
  /** ms since the epoch; a command not acknowledged by then is dropped (see SirenHub) */
  expires: number;
}

const pushJob = z.object({
  sub: z.number().int().positive(),
  ttl: z
    .number()
    .int()
    .min(0)
    .max(28 * 86400),
  urgency: z.enum(['high', 'normal']),
  topic: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional(),
  message: z.custom<PushMessage>(isPushMessage),
});

const sirenJob = z.object({
  siren: z.string().min(1).max(64),
  cmd: z.enum(['sound', 'silence', 'test']),
  pattern: z.string().max(32).optional(),
  seconds: z.number().int().min(1).max(600).optional(),
  alert: z.string().min(1).max(64).optional(),
  expires: z.number().int(),
});

function parse<T>(schema: z.ZodType<T>, payload: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const parsePushJob = (payload: string): PushJob | null => parse(pushJob, payload);
export const parseSirenJob = (payload: string): SirenJob | null => parse(sirenJob, payload);

/** Idempotency keys: one row per recipient and event, so a re-run of the same fan-out is a no-op. */
export const pushKey = (alertId: string, event: string, subscriptionId: number): string =>
  `push:${alertId}:${event}:${subscriptionId}`;
/** One member's area pushes: while one waits to be sent, later alerts are folded into it. */
export const areaFold = (areaId: string, subscriptionId: number): string =>
  `area:${areaId}:${subscriptionId}`;
export const sirenKey = (alertId: string, sirenId: string): string => `siren:${alertId}:${sirenId}`;
/** The silence of a unit an alert sounded: one per alert and unit, whichever way it closed. */
export const silenceKey = (alertId: string, sirenId: string): string =>
  `siren:${alertId}:${sirenId}:silence`;
