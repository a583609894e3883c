import { describe, expect, it } from 'vitest';
import { RELOAD_GUARD_MS, onChunkFailure } from './app-update.js';

describe('onChunkFailure', () => {
  const now = 1_800_000_000_000;
  const base = { online: true, held: false, lastReloadAt: 0, now };

  it('reloads once to fetch the current release', () => {
    expect(onChunkFailure(base)).toBe('reload');
  });

  it('never reloads again soon after: no loop', () => {
    expect(onChunkFailure({ ...base, lastReloadAt: now - 1000 })).toBe('explain');
    expect(onChunkFailure({ ...base, lastReloadAt: now - RELOAD_GUARD_MS + 1 })).toBe('explain');
    expect(onChunkFailure({ ...base, lastReloadAt: now - RELOAD_GUARD_MS })).toBe('reload');
  });

  it('never reloads under an alert being written', () => {
    expect(onChunkFailure({ ...base, held: true })).toBe('explain');
  });

  it('leaves an offline failure to the screen’s retry', () => {
    expect(onChunkFailure({ ...base, online: false })).toBe('ignore');
  });
});
