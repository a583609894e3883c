/**
 * What a request's photo is, read from its bytes and never from what the client says
 * (`Content-Type`, a file name): JPEG, PNG or WebP, with its pixel size. And the same bytes
 * without the metadata a camera writes: EXIF carries the GPS position where the picture was
 * taken, often the reporter's home. The phone re-encodes before sending (client/data/photo.ts),
 * so nothing is lost there; this is for anything else that reaches the endpoint.
 */

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface PhotoInfo {
  type: PhotoType;
  width: number;
  height: number;
}

/** The phone sends at most 1280 px on the long side; this leaves room and refuses bombs. */
export const PHOTO_MAX_SIDE = 4096;

const ascii = (b: Uint8Array, at: number, s: string): boolean =>
  b.length >= at + s.length && [...s].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const be32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + be16(b, at + 2);
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const le24 = (b: Uint8Array, at: number) => le16(b, at) | (b[at + 2]! << 16);
const le32 = (b: Uint8Array, at: number) => (le24(b, at) + b[at + 3]! * 0x1000000) >>> 0;

/** The type and size, or null for anything that is not one of the three formats. */
export function sniffPhoto(b: Uint8Array): PhotoInfo | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegInfo(b);
  if (ascii(b, 0, '\x89PNG\r\n\x1a\n')) return pngInfo(b);
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webpInfo(b);
  return null;
}

/** The bytes without location-bearing metadata; the picture itself is copied unchanged. */
export function stripMetadata(b: Uint8Array, type: PhotoType): Uint8Array {
  if (type === 'image/jpeg') return stripJpeg(b);
  if (type === 'image/png') return stripPng(b);
  return stripWebp(b);
}

// --- JPEG: segments up to the start of scan, then the compressed data as it is.

/** Start-of-frame markers (baseline, progressive, lossless…): C0–CF but C4, C8, CC. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/**
 * Kept: JFIF (APP0), the colour profile (APP2) and Adobe's colour transform (APP14), which
 * decoders need. Dropped: EXIF and XMP (APP1), the others and comments (IPTC in APP13 names
 * places too).
 */
function keepJpegSegment(m: number): boolean {
  if (m === 0xfe) return false;
  if (m >= 0xe0 && m <= 0xef) return m === 0xe0 || m === 0xe2 || m === 0xee;
  return true;
}

interface Segment {
  marker: number;
  start: number;
  end: number;
}

/** The segments before the scan, and where the scan starts; null when malformed. */
function jpegSegments(b: Uint8Array): { segments: Segment[]; scan: number } | null {
  const segments: Segment[] = [];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = be16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) return null;
    if (marker === 0xda) return { segments, scan: at };
    segments.push({ marker, start: at, end: at + 2 + length });
    at += 2 + length;
  }
  return null;
}

function jpegInfo(b: Uint8Array): PhotoInfo | null {
  const parsed = jpegSegments(b);
  const sof = parsed?.segments.find((s) => isSof(s.marker) && s.end - s.start >= 9);
  if (!sof) return null;
  return { type: 'image/jpeg', height: be16(b, sof.start + 5), width: be16(b, sof.start + 7) };
}

function stripJpeg(b: Uint8Array): Uint8Array {
  const parsed = jpegSegments(b);
  if (!parsed) return b;
  const parts = [b.subarray(0, 2)];
  for (const s of parsed.segments)
    if (keepJpegSegment(s.marker)) parts.push(b.subarray(s.start, s.end));
  parts.push(b.subarray(parsed.scan));
  return concat(parts);
}

// --- PNG: chunks (length, type, data, CRC); IHDR first.

/** Text and EXIF chunks may hold a place, an author or a device; the picture needs none. */
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function pngChunks(b: Uint8Array): { type: string; start: number; end: number }[] | null {
  const chunks = [];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = be32(b, at);
    const end = at + 12 + length;
    if (end > b.length) return null;
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    chunks.push({ type, start: at, end });
    at = end;
    if (type === 'IEND') return chunks;
  }
  return null;
}

function pngInfo(b: Uint8Array): PhotoInfo | null {
  const chunks = pngChunks(b);
  const ihdr = chunks?.[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.end - ihdr.start < 20) return null;
  return { type: 'image/png', width: be32(b, ihdr.start + 8), height: be32(b, ihdr.start + 12) };
}

function stripPng(b: Uint8Array): Uint8Array {
  const chunks = pngChunks(b);
  if (!chunks) return b;
  const parts = [b.subarray(0, 8)];
  for (const c of chunks) if (!PNG_DROPPED.has(c.type)) parts.push(b.subarray(c.start, c.end));
  return concat(parts);
}

// --- WebP: a RIFF container of chunks (fourcc, little-endian size, data padded to even).

function webpChunks(b: Uint8Array): { type: string; start: number; end: number }[] | null {
  const chunks = [];
  let at = 12;
  while (at + 8 <= b.length) {
    const size = le32(b, at + 4);
    const end = at + 8 + size + (size & 1);
    if (at + 8 + size > b.length) return null;
    chunks.push({ type: String.fromCharCode(...b.subarray(at, at + 4)), start: at, end });
    at = end;
  }
  return chunks.length ? chunks : null;
}

function webpInfo(b: Uint8Array): PhotoInfo | null {
  const first = webpChunks(b)?.[0];
  if (!first) return null;
  const d = first.start + 8;
  const size = (width: number, height: number): PhotoInfo => ({
    type: 'image/webp',
    width,
    height,
  });
  if (first.type === 'VP8X' && first.end - d >= 10)
    return size(le24(b, d + 4) + 1, le24(b, d + 7) + 1);
  if (first.type === 'VP8 ' && first.end - d >= 10 && b[d + 3] === 0x9d && b[d + 4] === 0x01)
    return size(le16(b, d + 6) & 0x3fff, le16(b, d + 8) & 0x3fff);
  if (first.type === 'VP8L' && first.end - d >= 5 && b[d] === 0x2f) {
    const bits = le32(b, d + 1);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  return null;
}

/** VP8X flags that announce the chunks dropped here. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(b: Uint8Array): Uint8Array {
  const chunks = webpChunks(b);
  if (!chunks) return b;
  const kept = chunks.filter((c) => c.type !== 'EXIF' && c.type !== 'XMP ');
  const out = concat([b.subarray(0, 12), ...kept.map((c) => b.subarray(c.start, c.end))]);
  new DataView(out.buffer, out.byteOffset).setUint32(4, out.length - 8, true);
  if (kept[0]?.type === 'VP8X') out[20] = out[20]! & ~(VP8X_EXIF | VP8X_XMP);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
