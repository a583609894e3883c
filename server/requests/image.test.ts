import { describe, expect, it } from 'vitest';
import { sniffPhoto, stripMetadata } from './image.js';
import {
  GPS_MARK,
  JPEG,
  PNG,
  WEBP,
  jpegWithExif,
  pngSized,
  pngWithText,
  webpWithExif,
} from './testing/photos.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('a photo read from its bytes', () => {
  it('knows JPEG, PNG and WebP and their size', () => {
    expect(sniffPhoto(JPEG)).toEqual({ type: 'image/jpeg', width: 8, height: 6 });
    expect(sniffPhoto(PNG)).toEqual({ type: 'image/png', width: 8, height: 6 });
    expect(sniffPhoto(WEBP)).toEqual({ type: 'image/webp', width: 8, height: 6 });
    expect(sniffPhoto(pngSized(20000, 3))).toEqual({ type: 'image/png', width: 20000, height: 3 });
  });

  it('refuses anything else, and truncated or forged headers', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const gif = new TextEncoder().encode('GIF89a\x08\x00\x06\x00');
    const html = new TextEncoder().encode('<html><script>alert(1)</script>');
    for (const b of [svg, gif, html, new Uint8Array(), JPEG.subarray(0, 40), PNG.subarray(0, 20)])
      expect(sniffPhoto(b)).toBeNull();
    // A JPEG start followed by an HTML page is not a JPEG.
    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...html]);
    expect(sniffPhoto(fake)).toBeNull();
  });

  it('loses the camera’s EXIF, XMP, text and comments, keeps the picture', () => {
    for (const [dressed, plain] of [
      [jpegWithExif(), JPEG],
      [pngWithText(), PNG],
      [webpWithExif(), WEBP],
    ] as const) {
      expect(text(dressed)).toContain(GPS_MARK);
      const info = sniffPhoto(dressed)!;
      const clean = stripMetadata(dressed, info.type);
      expect(text(clean)).not.toContain(GPS_MARK);
      expect(text(clean)).not.toContain('taken at home');
      expect(Buffer.from(clean).equals(Buffer.from(plain))).toBe(true);
      expect(sniffPhoto(clean)).toEqual(info);
    }
    // The colour profile (APP2 ICC) stays: without it colours shift.
    expect(text(stripMetadata(JPEG, 'image/jpeg'))).toContain('ICC_PROFILE');
  });
});
