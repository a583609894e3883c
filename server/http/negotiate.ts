/**
 * What the request asks of a representation: its content coding (Accept-Encoding), whether
 * the copy the client holds is still good (If-None-Match, If-Modified-Since) and which bytes
 * it wants (Range, If-Range). Pure functions of header strings: a malformed header is read
 * as absent, never as an error, since browsers and proxies send odd ones and the answer is
 * still the file.
 */

export type Coding = 'br' | 'gzip' | 'identity';

/** Tried in this order when the client weighs them alike: smallest first. */
const PREFERENCE: readonly Coding[] = ['br', 'gzip', 'identity'];

function weights(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    if (!/^[a-z0-9*!#$%&'+.^_`|~-]+$/.test(name)) continue;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    out.set(name, q);
  }
  return out;
}

/**
 * The coding to send among those on hand (identity always is). RFC 9110 §12.5.3: no header
 * means any coding, `q=0` refuses one, `*` weighs every coding not named, identity is
 * acceptable unless refused (and loses to any coding the client accepts). If the client refuses even identity and nothing else fits we
 * still send identity: a file it cannot decode helps nobody more than a 406.
 */
export function chooseCoding(header: string | undefined, available: readonly Coding[]): Coding {
  if (header === undefined) return 'identity';
  const w = weights(header);
  const star = w.get('*');
  const weight = (c: Coding) => {
    const named = c === 'gzip' ? (w.get('gzip') ?? w.get('x-gzip')) : w.get(c);
    if (named !== undefined) return named;
    if (star !== undefined) return star;
    // Acceptable unless refused, but only ever chosen when no coding is.
    return c === 'identity' ? Number.MIN_VALUE : 0;
  };
  let best: Coding = 'identity';
  let bestQ = 0;
  for (const c of PREFERENCE) {
    if (!available.includes(c)) continue;
    const q = weight(c);
    if (q > bestQ) {
      best = c;
      bestQ = q;
    }
  }
  return best;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** If-None-Match against our ETag, by weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => opaque(tag) === etag);
}

/** Whether a GET may be answered 304. If-None-Match, when sent, decides alone. */
export function notModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  etag: string,
  lastModified: Date,
): boolean {
  if (headers.ifNoneMatch !== undefined) return etagMatches(headers.ifNoneMatch, etag);
  if (headers.ifModifiedSince === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One byte range of a representation `size` bytes long. Several ranges, a unit other than
 * bytes or a malformed header get the whole file (allowed by RFC 9110 §14.2); a stale
 * If-Range (another ETag, or a date) too, so the client never splices two versions.
 */
export function byteRange(
  range: string | undefined,
  ifRange: string | undefined,
  etag: string,
  size: number,
): RangeAnswer {
  if (range === undefined) return { kind: 'full' };
  // If-Range compares strongly: a weak tag never vouches for bytes.
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'full' };
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return { kind: 'full' };
  }
  if (!Number.isSafeInteger(start) || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
