import type { SirenPattern } from '../../shared/types.js';
import type { SirenJob } from '../push/jobs.js';

/** How long each pattern sounds, in seconds. The device stops by itself when it is over. */
export const PATTERN_SECONDS: Record<SirenPattern, number> = { alert: 60, fire: 120 };

/**
 * A command not acknowledged within this time is dropped: a siren that comes back online
 * an hour later must not start wailing for an alert that is long over.
 */
export const COMMAND_TTL_MS = 10 * 60_000;

export function soundJob(sirenId: string, pattern: SirenPattern, nowMs: number): SirenJob {
  return {
    siren: sirenId,
    cmd: 'sound',
    pattern,
    seconds: PATTERN_SECONDS[pattern],
    expires: nowMs + COMMAND_TTL_MS,
  };
}

export function controlJob(sirenId: string, cmd: 'silence' | 'test', nowMs: number): SirenJob {
  return { siren: sirenId, cmd, expires: nowMs + COMMAND_TTL_MS };
}
