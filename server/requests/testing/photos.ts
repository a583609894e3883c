/**
 * Small real pictures for tests, as Chromium's canvas encodes them (8×6 px), and ways to dress
 * them up as a camera would (EXIF with a GPS position) or as an attacker would (a huge size).
 */
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

export const JPEG = bytes(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAhEAAABQMFAQAAAAAAAAAAAAAAAgMEBQETIhQhMTJSYf/EABUBAQEAAAAAAAAAAAAAAAAAAAUH/8QAGREAAwADAAAAAAAAAAAAAAAAAAECETHR/9oADAMBAAIRAxEAPwCS4exp4Bs0RirUmmpUyr/UmNdLljb6l5LvTz9AAATeSqzKnXT/2Q==',
);

export const WEBP = bytes(
  'UklGRkYCAABXRUJQVlA4WAoAAAAgAAAABwAABQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggWAAAAFACAJ0BKggABgABQCYlsAJ0ugB+AAM4pwNKAAD5f3T14f/eB/wc75W+pmPz8cz2Jp9r2Tf/Ex90pM/xgRDoNh3RxS4X/2mdeaRgtb29nQf/YOP+wcfumAA=',
);

export const PNG = bytes(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAYAAAD+Bd/7AAAANUlEQVR4AYSLwQkAMAwCJSuZ/SewM7WviI/SCgciZ4ncLwqfWKCEIT8WcsxuYXVjuAo5Zj8AAAD//zTEBE8AAAAGSURBVAMAqZsalUcP9+AAAAAASUVORK5CYII=',
);

/** What a phone's camera writes and must never leave the server: a place, in EXIF. */
export const GPS_MARK = 'GPSLatitude -32.9275 GPSLongitude -68.8450';

/** The JPEG with an EXIF segment (APP1) carrying `GPS_MARK`, and a comment, after SOI. */
export function jpegWithExif(): Uint8Array {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(GPS_MARK)]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exif.length + 2), exif]);
  const comment = Buffer.from('taken at home');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(comment.length + 2), comment]);
  return Buffer.concat([JPEG.subarray(0, 2), app1, com, JPEG.subarray(2)]);
}

/** The PNG with a text chunk naming the place (the CRC is not checked by the sniffer). */
export function pngWithText(): Uint8Array {
  const data = Buffer.from(`Location\0${GPS_MARK}`, 'latin1');
  const chunk = Buffer.concat([u32(data.length), Buffer.from('tEXt'), data, u32(0)]);
  return Buffer.concat([PNG.subarray(0, 33), chunk, PNG.subarray(33)]);
}

/** The WebP with an EXIF chunk, announced in its VP8X flags. */
export function webpWithExif(): Uint8Array {
  const data = Buffer.from(GPS_MARK);
  const pad = data.length & 1 ? Buffer.from([0]) : Buffer.alloc(0);
  const chunk = Buffer.concat([Buffer.from('EXIF'), u32le(data.length), data, pad]);
  const out = Buffer.concat([WEBP, chunk]);
  out.writeUInt32LE(out.length - 8, 4);
  out[20] = out[20]! | 0x08;
  return out;
}

/** The PNG claiming a size far past the limit (a decompression bomb announces itself so). */
export function pngSized(width: number, height: number): Uint8Array {
  const out = Buffer.from(PNG);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out;
}

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
