// The one path image bytes take into the store when the server holds them itself (a local
// upload, a seed picture): check what they really are, make the thumbnail, store both at
// their conventional keys. S3 uploads go straight to the bucket; its Lambda runs the same
// thumbnail code.
import type { ImageContentType } from './image-keys.js';
import { SNIFF_BYTES, sniffImageType } from './image-sniff.js';
import type { ObjectStore } from './object-store.js';
import { makeThumbnail, thumbnailKeyFor } from './thumbnail.js';

export class ImageBytesError extends Error {
  override name = 'ImageBytesError';
  constructor(
    readonly reason: 'type_mismatch' | 'undecodable',
    message: string,
  ) {
    super(message);
  }
}

export interface StoredImage {
  key: string;
  thumbnailKey: string;
}

/** Stores `body` at `key` (an `original/...` key) and its thumbnail; throws ImageBytesError for bad bytes. */
export async function storeImage(
  store: ObjectStore,
  key: string,
  contentType: ImageContentType,
  body: Buffer,
  /** How the thumbnail is made (the seed passes a cached makeThumbnail). */
  thumbnailOf: (body: Buffer) => Promise<Buffer> = makeThumbnail,
): Promise<StoredImage> {
  if (sniffImageType(body.subarray(0, SNIFF_BYTES)) !== contentType) {
    throw new ImageBytesError('type_mismatch', `The uploaded bytes are not ${contentType}`);
  }
  let thumbnail: Buffer;
  try {
    thumbnail = await thumbnailOf(body);
  } catch {
    throw new ImageBytesError('undecodable', 'The image could not be decoded');
  }
  const thumbnailKey = thumbnailKeyFor(key);
  await store.put(key, body, contentType);
  await store.put(thumbnailKey, thumbnail, 'image/webp');
  return { key, thumbnailKey };
}
