import { z } from 'zod';
import { CloseCode } from '../../sync/protocol.js';

/**
 * The siren central unit's wire (DESIGN §6, contract), JSON text frames over `/devices/ws`.
 * Server → device: commands, each retried until the device acknowledges its id.
 * Device → server: `{"ack": id}` and `{"hb": {...}}` every 30 s.
 */
export type DeviceCommand =
  | { cmd: 'sound'; id: string; pattern: string; seconds: number }
  | { cmd: 'silence'; id: string }
  | { cmd: 'test'; id: string };

export type SirenState = 'idle' | 'sounding';

export type DeviceMessage = { ack: string } | { hb: { state: SirenState | null } };

export const HEARTBEAT_MS = 30_000;
/** Three missed heartbeats: the unit is shown offline on the operators' board. */
export const OFFLINE_AFTER_MS = 90_000;
export const MAX_DEVICE_MESSAGE_BYTES = 4096;

export const DeviceClose = {
  /** A frame the server could not handle: fix the firmware, do not resend it. */
  badRequest: CloseCode.badRequest,
  unauthorized: CloseCode.unauthorized,
  /** Another connection with the same token took over (final: do not fight over it). */
  replaced: 4409,
  goingAway: CloseCode.goingAway,
} as const;

const id = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]).transform(String);
const ack = z.object({ ack: id });
// A heartbeat may carry anything the firmware likes; only a known state is used.
const hb = z.object({ hb: z.record(z.string(), z.unknown()).nullable() });

/** Parses one frame from a device, or null when it is not a message of the protocol. */
export function parseDeviceMessage(text: string): DeviceMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const a = ack.safeParse(raw);
  if (a.success) return { ack: a.data.ack };
  const h = hb.safeParse(raw);
  if (!h.success) return null;
  const state = h.data.hb?.state;
  return { hb: { state: state === 'idle' || state === 'sounding' ? state : null } };
}

/** Parses one frame from the server (the simulator's side). */
export function parseDeviceCommand(text: string): DeviceCommand | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = command.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const command = z.discriminatedUnion('cmd', [
  z.object({
    cmd: z.literal('sound'),
    id: z.string(),
    pattern: z.string(),
    seconds: z.number().int().positive(),
  }),
  z.object({ cmd: z.literal('silence'), id: z.string() }),
  z.object({ cmd: z.literal('test'), id: z.string() }),
]);
