// How product pictures are offered to the browser: the 320 px thumbnail and the full image
// as one srcset, so cards load the thumbnail and large or dense screens the full picture.
import type { Gpu } from '@gpu/shared';

/** Widths by convention: thumbnails are 320 px wide; seed pictures 800 px (uploads usually wider). */
export const THUMBNAIL_W = 320;
export const FULL_W = 800;

export function productSrcset(gpu: Pick<Gpu, 'imageUrl' | 'thumbnailUrl'>): string | undefined {
  if (!gpu.thumbnailUrl || !gpu.imageUrl) return undefined;
  return `${gpu.thumbnailUrl} ${THUMBNAIL_W}w, ${gpu.imageUrl} ${FULL_W}w`;
}
