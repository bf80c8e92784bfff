/**
 * Thumbnails of image evidence, drawn in the engine worker so the decrypted photo never reaches
 * the page just to be listed. Needs createImageBitmap and OffscreenCanvas; where either is
 * missing (Node, older browsers) or the image does not decode (HEIC in Chromium), there is no
 * thumbnail and the UI shows a generic icon.
 */
import type { AttachmentType } from './types.ts';

/** Makes a small JPEG of an image, or null. Never throws. */
export type Thumbnailer = (bytes: Uint8Array, type: AttachmentType) => Promise<Uint8Array | null>;

/** The longest side of a thumbnail, in pixels. */
export const THUMB_SIZE = 240;

export const browserThumbnail: Thumbnailer = async (bytes, type) => {
  if (!type.startsWith('image/')) return null;
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    const scale = Math.min(1, THUMB_SIZE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      bitmap.close();
      return null;
    }
    // JPEG has no transparency: paint white first so transparent PNGs do not turn black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return new Uint8Array(await out.arrayBuffer());
  } catch {
    return null;
  }
};
