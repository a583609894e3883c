import type { Connection } from './connection.js';

/**
 * Transaction origins, tagged, so an update read from storage is never stored again and a
 * client's own update is not echoed back to it.
 */
export type Origin =
  | { kind: 'load' }
  | { kind: 'server' }
  | { kind: 'client'; conn: Connection | null; userId: string };

export const LOAD: Origin = { kind: 'load' };
export const SERVER: Origin = { kind: 'server' };

export function isOrigin(value: unknown): value is Origin {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'load' || value.kind === 'server' || value.kind === 'client')
  );
}
