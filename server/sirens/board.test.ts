import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SirenInfo } from '../city/city.js';
import { HEARTBEATS_PER_UPDATE, SirenBoard } from './board.js';

/** The reference city's 683 units, heartbeating every 30 s like the bench's devices. */
const UNITS = 683;
const HEARTBEAT_MS = 30_000;

const sirens: SirenInfo[] = Array.from({ length: UNITS }, (_, i) => ({
  id: `siren-${i}`,
  areaId: `area-${i % 40}`,
  lat: -32.9,
  lng: -68.8,
  label: `Sirena ${i}`,
}));

function setup() {
  const doc = new Y.Doc();
  const board = new SirenBoard(() => doc, sirens);
  board.init();
  let updates = 0;
  /** units whose record each update changed */
  const sizes: number[] = [];
  doc.on('update', (_: Uint8Array, __: unknown, ___: Y.Doc, tr: Y.Transaction) => {
    updates++;
    // The records changed: nested maps (the top-level `sirens` map has no item).
    sizes.push([...tr.changed.keys()].filter((t) => t._item !== null).length);
  });
  const record = (id: string) => (doc.getMap('sirens').get(id) as Y.Map<unknown>).toJSON();
  return { board, record, updates: () => updates, sizes };
}

/** Every unit heartbeats once per period, spread evenly; the board flushes as its timer would. */
function heartbeats(board: SirenBoard, fromMs: number, toMs: number): void {
  const step = HEARTBEAT_MS / UNITS;
  for (let t = fromMs; t < toMs; t += HEARTBEAT_MS)
    for (let i = 0; i < UNITS; i++) {
      board.heartbeat(`siren-${i}`, t + i * step);
      board.flush();
    }
}

describe('the siren board in ops', () => {
  it('turns heartbeats without a change into a few ops updates a minute, each of a slice of units', () => {
    const { board, record, updates, sizes } = setup();
    const t0 = Date.parse('2026-11-23T12:00:00Z');
    for (const s of sirens) board.set(s.id, { online: true });
    for (const s of sirens) board.heartbeat(s.id, t0, true);
    board.flush();
    expect(updates()).toBe(1);
    expect(record('siren-5')).toMatchObject({ online: true, lastHeartbeat: iso(t0) });

    // Ten minutes of heartbeats from 683 units: 13,660 heartbeats.
    const before = updates();
    heartbeats(board, t0 + HEARTBEAT_MS, t0 + 10 * 60_000);
    const perMinute = (updates() - before) / 10;
    // Every unit's heartbeat once a minute, in slices: 683 units, 7 updates.
    expect(perMinute).toBeLessThanOrEqual(Math.ceil(UNITS / HEARTBEATS_PER_UPDATE) + 0.1);
    expect(Math.max(...sizes.slice(before))).toBeLessThanOrEqual(HEARTBEATS_PER_UPDATE);
    // The board still shows a recent sign of life, at most about a minute old.
    expect(Date.parse(record('siren-5').lastHeartbeat as string)).toBeGreaterThan(
      t0 + 10 * 60_000 - 2 * 60_000 - HEARTBEAT_MS,
    );
  });

  it('writes changes an operator can see at once, ahead of heartbeats waiting for their slice', () => {
    const { board, record, updates, sizes } = setup();
    const t0 = Date.parse('2026-11-23T12:00:00Z');
    for (const s of sirens) board.heartbeat(s.id, t0, true);
    board.set('siren-600', { state: 'sounding' });
    board.flush();
    expect(updates()).toBe(1);
    // The sounding unit is in the first update although 600 heartbeats were queued before it.
    expect(record('siren-600')).toMatchObject({ state: 'sounding', lastHeartbeat: iso(t0) });
    expect(sizes[0]).toBeLessThanOrEqual(HEARTBEATS_PER_UPDATE + 1);
    // Closing writes what is left, all of it.
    board.close();
    expect(record('siren-682')).toMatchObject({ lastHeartbeat: iso(t0) });
  });

  it('writes a change an operator can see at once, and nothing for a repeated one', () => {
    const { board, record, updates } = setup();
    board.set('siren-1', { online: true, state: 'idle' });
    board.flush();
    const before = updates();
    board.set('siren-1', { state: 'idle' });
    board.flush();
    expect(updates()).toBe(before);
    board.set('siren-1', { state: 'sounding' });
    board.flush();
    expect(updates()).toBe(before + 1);
    expect(record('siren-1')).toMatchObject({ online: true, state: 'sounding' });
  });
});

const iso = (ms: number) => new Date(ms).toISOString();
