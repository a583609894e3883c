import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scrubSilentReporters } from './ops-record.js';

/** An `ops` record as the projection wrote it before silent alerts left the reporter's id out. */
function oldRecord(doc: Y.Doc, id: string, type: string): void {
  const timeline = new Y.Array<unknown>();
  timeline.push([
    { status: 'received', at: '2026-01-01T10:00:00.000Z', by: 'her-id' },
    { status: 'acknowledged', at: '2026-01-01T10:01:00.000Z', by: 'operator-id' },
    { status: 'cancelled', at: '2026-01-01T10:02:00.000Z', by: 'her-id' },
  ]);
  const rec = new Y.Map<unknown>(Object.entries({ id, type, reporterId: 'her-id' }));
  rec.set('timeline', timeline);
  doc.getMap('alerts').set(id, rec);
}

describe('scrubSilentReporters', () => {
  it("removes a silent alert's reporter id from ops, and only a silent alert's", () => {
    const doc = new Y.Doc();
    oldRecord(doc, 'silent', 'gender_violence');
    oldRecord(doc, 'public', 'general');
    expect(scrubSilentReporters(doc)).toBe(1);
    const silent = (doc.getMap('alerts').get('silent') as Y.Map<unknown>).toJSON();
    expect(silent).not.toHaveProperty('reporterId');
    expect(silent.timeline.map((s: { by: string }) => s.by)).toEqual([
      'reporter',
      'operator-id',
      'reporter',
    ]);
    expect(JSON.stringify(doc.getMap('alerts').get('silent'))).not.toContain('her-id');
    const open = (doc.getMap('alerts').get('public') as Y.Map<unknown>).toJSON();
    expect(open.reporterId).toBe('her-id');
    expect(scrubSilentReporters(doc)).toBe(0);
  });

  it('leaves the id nowhere in the encoded room (what snapshots and new clients get)', () => {
    const doc = new Y.Doc();
    oldRecord(doc, 'silent', 'gender_violence');
    scrubSilentReporters(doc);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1')).not.toContain('her-id');
  });
});
