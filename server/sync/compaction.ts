import type { Room } from './room.js';

export interface CompactionTimings {
  /** compact a room's log into its snapshot past this many updates... */
  after: number;
  /** ...once no commit has touched the room for this long (re-encoding `ops`: ~18 ms)... */
  quietMs: number;
  /** ...or, for a room that is never quiet, this long after it became due */
  maxDelayMs: number;
  /** a room whose stored state is this large or larger is encoded on a thread (compactor.ts) */
  offLoopBytes: number;
}

export const COMPACTION: CompactionTimings = {
  after: 200,
  quietMs: 2_000,
  maxDelayMs: 60_000,
  offLoopBytes: 32_768,
};

/**
 * Compaction re-encodes the whole room, so it waits until the room is quiet: a commit must
 * never pay for it. The log alone is complete, so deferring it loses nothing. Runs `compact`
 * once no commit touched the room for `quietMs`, or `maxDelayMs` after it became due.
 */
export function compactWhenQuiet(
  room: Room,
  timings: CompactionTimings,
  compact: (room: Room) => void,
): void {
  if (room.compactTimer) return;
  const due = performance.now();
  const check = () => {
    const now = performance.now();
    const quietFor = now - room.lastCommitAt;
    const { quietMs, maxDelayMs } = timings;
    if (quietFor < quietMs && now - due < maxDelayMs) {
      room.compactTimer = setTimeout(check, Math.min(quietMs - quietFor, maxDelayMs - (now - due)));
      room.compactTimer.unref();
      return;
    }
    room.compactTimer = null;
    compact(room);
  };
  room.compactTimer = setTimeout(check, timings.quietMs);
  room.compactTimer.unref();
}
