import { describe, expect, it } from 'vitest';
import { withoutRecordIds } from './log.js';

describe('withoutRecordIds', () => {
  it('keeps the path and the rule of a refusal, not the record it names', () => {
    const id = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
    expect(withoutRecordIds(`alerts/${id}/receivedAt: not writable by citizen`)).toBe(
      'alerts/<id>/receivedAt: not writable by citizen',
    );
    expect(withoutRecordIds(`user:${id.toUpperCase()}: read-only`)).toBe('user:<id>: read-only');
    expect(withoutRecordIds('ops: read-only for citizen')).toBe('ops: read-only for citizen');
  });
});
