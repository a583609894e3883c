import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, exportStream } from './stream.js';

/** 20,000 rows of ~100 characters, counting how many were taken from the "database". */
function source(total = 20_000) {
  const seen = { rows: 0, ended: [] as { rows: number; complete: boolean }[] };
  function* rows() {
    for (let i = 0; i < total; i++) {
      seen.rows++;
      yield i;
    }
  }
  const stream = exportStream({
    rows: rows(),
    head: 'n\r\n',
    piece: (i) => `${i},${'x'.repeat(94)}\r\n`,
    tail: '',
    maxMs: 60_000,
    done: (end) => seen.ended.push(end),
  });
  return { seen, stream, total };
}

describe('an export stream', () => {
  it('hands out its first chunk long before the last row is read, and reads on as it is taken', async () => {
    const { seen, stream, total } = source();
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(new TextDecoder().decode(first.value).startsWith('n\r\n0,')).toBe(true);
    // One chunk handed out and at most one queued behind it: about 1,300 rows of 20,000.
    const perChunk = Math.ceil(CHUNK_CHARS / 100);
    expect(seen.rows).toBeLessThanOrEqual(3 * perChunk);
    expect(seen.rows).toBeLessThan(total);
    const before = seen.rows;
    await reader.read();
    expect(seen.rows).toBeGreaterThan(before);
    let bytes = first.value!.length;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      bytes += next.value.length;
    }
    expect(seen.rows).toBe(total);
    expect(seen.ended).toEqual([{ rows: total, complete: true }]);
    expect(bytes).toBeGreaterThan(total * 90);
  });

  it('stops reading when the download is abandoned', async () => {
    const { seen, stream, total } = source();
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    const read = seen.rows;
    expect(read).toBeLessThan(total);
    expect(seen.ended).toEqual([{ rows: read, complete: false }]);
  });
});
