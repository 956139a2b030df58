// The thumbnail generator, written once and run two ways: in-process for the local file
// store, and by the S3 Lambda (infra/lambda/thumbnail/handler.ts). Keep the signatures.
// Only sharp and ./image-keys.js may be imported: the Lambda bundle includes this file.
import sharp from 'sharp';
import { parseObjectKey } from './image-keys.js';

export const THUMBNAIL_WIDTH = 320;
/** Refuse decompression bombs: about 8k x 6k pixels. */
const MAX_INPUT_PIXELS = 50_000_000;

/** 320 px wide WebP (never enlarged), oriented per EXIF, with all metadata stripped. */
export async function makeThumbnail(input: Buffer): Promise<Buffer> {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** `original/<gpuId>/<id>.<ext>` -> `thumbnails/<gpuId>/<id>.webp`; throws for any other key. */
export function thumbnailKeyFor(originalKey: string): string {
  const key = parseObjectKey(originalKey);
  if (!key || key.kind !== 'original') throw new Error(`not an original image key: ${originalKey}`);
  return `thumbnails/${key.gpuId}/${key.imageId}.webp`;
}
