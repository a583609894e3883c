import { describe, expect, it } from 'vitest';
import { crewTook, statusKey, unmanned } from './dispatch-progress.js';

describe('dispatch progress as people read it', () => {
  it('says a patrol is on its way only once a crew accepted', () => {
    expect(statusKey({ status: 'dispatched' })).toBe('status.dispatched');
    expect(statusKey({ status: 'dispatched', unitStatus: 'dispatched' })).toBe('status.dispatched');
    expect(statusKey({ status: 'dispatched', unitStatus: 'accepted' })).toBe('status.accepted');
    expect(statusKey({ status: 'dispatched', acceptedAt: '2026-12-05T03:00:00Z' })).toBe(
      'status.accepted',
    );
    expect(statusKey({ status: 'on_scene', unitStatus: 'on_scene' })).toBe('status.on_scene');
    expect(statusKey({})).toBe('status.received');
    expect(crewTook({ unitStatus: 'en_route' })).toBe(true);
  });

  it('calls a unit unmanned when nobody of its crew is connected', () => {
    expect(unmanned({})).toBe(true);
    expect(unmanned({ crew: [] })).toBe(true);
    expect(unmanned({ crew: [{ id: 'u1', name: 'Ana' }] })).toBe(false);
  });
});
