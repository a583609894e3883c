import { PHOTO_LIMITS } from '../../shared/request-view.js';

export interface ShrunkPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * A photo as the phone sends it: at most 1280 px on the long side, JPEG at 0.8. Drawing it
 * on a canvas and encoding again keeps only the pixels: the camera's EXIF, with the GPS
 * position where it was taken (often the reporter's home), does not survive. The orientation
 * EXIF gave is applied first (`imageOrientation: 'from-image'`), so the picture stays upright.
 * A 12-megapixel photo of 4 MB becomes about 200 KB: it fits on one bar of signal.
 */
export async function shrinkPhoto(file: Blob): Promise<ShrunkPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, PHOTO_LIMITS.longSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    // A transparent PNG would turn black in JPEG: paint it on white.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', PHOTO_LIMITS.quality),
    );
    if (!blob) throw new Error('could not encode the photo');
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    bitmap.close();
  }
}
