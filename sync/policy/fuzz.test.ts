import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import type { RoomRef } from '../rooms.js';
import { checkUpdate } from './check.js';
import { decodeWrites } from './decode.js';
import { hostileUpdate, type HostileStruct } from './hostile.js';
import { addRecord, capture, docWithClient, record } from './testing.js';
import type { Writer } from './types.js';

/**
 * Whatever bytes arrive, the write policy answers (accepts or refuses) without throwing and
 * without a large allocation. The bound is generous on purpose: it catches memory that grows
 * with a declared length (gigabytes), not a busy machine. Work that grows with one (a loop
 * over a forged 2^32) shows as this file's test timeout; no check here reads a clock.
 */
const MAX_HEAP_GROWTH = 128 * 1024 * 1024;

const ID = '7f8e9d3c-1b2a-4c5d-8e6f-0a1b2c3d4e5f';
const rooms: { room: RoomRef; writer: Writer }[] = [
  { room: { kind: 'user', id: 'u1' }, writer: { userId: 'u1', role: 'citizen', unitId: null } },
  { room: { kind: 'ops' }, writer: { userId: 'op1', role: 'operator', unitId: null } },
  {
    room: { kind: 'unit', id: 'unit-1' },
    writer: { userId: 'o1', role: 'officer', unitId: 'unit-1' },
  },
];

/** A server doc holding one alert and a phone doc that shares it, for realistic updates. */
function docs(): { server: Y.Doc; phone: Y.Doc; valid: Uint8Array[] } {
  const phone = docWithClient(5);
  const server = docWithClient(1000);
  const created = addRecord(phone, 'alerts', { id: ID, type: 'general', note: '' });
  Y.applyUpdate(server, created);
  const valid = [
    created,
    capture(phone, () => record(phone, 'alerts', ID).set('cancelledAt', '2025-03-01T10:00:00Z')),
    capture(phone, () => record(phone, 'alerts', ID).delete('note')),
    Y.encodeStateAsUpdate(phone),
  ];
  return { server, phone, valid };
}

const { server, valid } = docs();

/** Every policy entry point on every room kind must answer, each within the bounds. */
function answers(update: Uint8Array): void {
  for (const { room, writer } of rooms) {
    within(() => checkUpdate(room, writer, server, update));
  }
  within(() => decodeWrites(server, update));
}

function within(call: () => { ok: boolean }): void {
  const heapBefore = process.memoryUsage().heapUsed;
  expect(typeof call().ok).toBe('boolean');
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(MAX_HEAP_GROWTH);
}

/** A valid update with bytes overwritten, inserted or cut, or a varuint blown up. */
const mutated = fc
  .record({
    base: fc.constantFrom(...valid),
    at: fc.nat(),
    kind: fc.constantFrom('set', 'insert', 'cut', 'huge'),
    byte: fc.integer({ min: 0, max: 255 }),
  })
  .map(({ base, at, kind, byte }) => {
    const bytes = [...base];
    const i = at % (bytes.length + 1);
    if (kind === 'set') bytes[i % bytes.length] = byte;
    else if (kind === 'insert') bytes.splice(i, 0, byte);
    else if (kind === 'cut') bytes.splice(i, 1 + (byte % 8));
    // A varuint continued with 0xff bytes: lengths and clocks near 2^53.
    else bytes.splice(i, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f);
    return new Uint8Array(bytes);
  });

const struct: fc.Arbitrary<HostileStruct> = fc.record({
  kind: fc.constantFrom('deleted', 'any', 'gc', 'skip'),
  client: fc.constantFrom(1, 5, 1000, 2 ** 31),
  clock: fc.oneof(fc.constantFrom(0, 1, 2), fc.nat(), fc.constant(2 ** 52)),
  length: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.nat({ max: 10_000_000 }), fc.constant(1e12)),
  root: fc.constantFrom('alerts', 'plan', 'checkins', 'constructor'),
  key: fc.constantFrom(ID, 'k', '__proto__'),
});

const hostile = fc
  .record({
    structs: fc.array(struct, { maxLength: 4 }),
    deletes: fc.array(
      fc.record({
        client: fc.constantFrom(5, 1000, 7),
        clock: fc.oneof(fc.nat({ max: 10 }), fc.nat()),
        len: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.nat(), fc.constant(2 ** 52)),
      }),
      { maxLength: 3 },
    ),
  })
  // `any` structs are written out value by value: keep those short, the rest as declared.
  .map(({ structs, deletes }) =>
    hostileUpdate(
      structs.map((s) => (s.kind === 'any' ? { ...s, length: Math.min(s.length, 20_000) } : s)),
      deletes,
    ),
  );

describe('the write policy answers every update, without throwing', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), answers), { numRuns: 300 });
  });

  it('valid updates, mutated', () => {
    fc.assert(fc.property(mutated, answers), { numRuns: 400 });
  });

  it('hand-made structs with huge lengths and clocks', () => {
    fc.assert(fc.property(hostile, answers), { numRuns: 300 });
  });
});
