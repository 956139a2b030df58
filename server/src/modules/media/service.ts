// Product images: presigned uploads, completion (the product points at the new keys), and
// the local store's own upload endpoint, which checks the bytes and makes the thumbnail.
import { randomUUID } from 'node:crypto';
import {
  maxImageBytes,
  type ImageCompleteInput,
  type ImageCompleteResponse,
  type UploadRequest,
  type UploadResponse,
} from '@gpu/shared';
import { AppError, badRequest, notFound, unprocessable } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { imageUploads } from '../../platform/metrics.js';
import type { CatalogService } from '../catalog/service.js';
import { contentTypeOf, originalKey, parseObjectKey, type ImageContentType } from './image-keys.js';
import { SNIFF_BYTES, sniffImageType } from './image-sniff.js';
import type { ObjectStore } from './object-store.js';
import { thumbnailKeyFor } from './thumbnail.js';
import { ImageBytesError, storeImage, type StoredImage } from './image-pipeline.js';

export const UPLOAD_URL_TTL_S = 300;

export interface MediaServiceDeps {
  store: ObjectStore;
  catalog: CatalogService;
  logger: Logger;
}

const unsupportedMedia = (message: string) => new AppError(415, 'bad_request', message);

export class MediaService {
  constructor(private readonly deps: MediaServiceDeps) {}

  get store(): ObjectStore {
    return this.deps.store;
  }

  async createUpload(input: UploadRequest, origin: string): Promise<UploadResponse> {
    if (!(await this.deps.catalog.exists(input.gpuId))) throw notFound('Product');
    const key = originalKey(input.gpuId, randomUUID(), input.contentType);
    const presigned = await this.deps.store.presignPut({
      key,
      contentType: input.contentType,
      expiresInS: UPLOAD_URL_TTL_S,
      origin,
      ...(input.contentLength ? { contentLength: input.contentLength } : {}),
    });
    imageUploads.inc({ store: this.deps.store.kind, outcome: 'presigned' });
    return {
      uploadUrl: presigned.url,
      key,
      thumbnailKey: thumbnailKeyFor(key),
      expiresIn: UPLOAD_URL_TTL_S,
      method: 'PUT',
      headers: presigned.headers,
      maxBytes: input.contentLength ?? maxImageBytes,
    };
  }

  /**
   * Local store: the bytes of a signed PUT (signature already verified). Checks what they
   * really are, makes the thumbnail, stores both and points the product at them.
   */
  async receiveLocalUpload(key: string, contentType: ImageContentType, body: Buffer): Promise<ImageCompleteResponse> {
    const parsed = parseObjectKey(key);
    if (!parsed || parsed.kind !== 'original') throw badRequest('Not an upload key');
    if (contentTypeOf(parsed.ext) !== contentType) throw unsupportedMedia('Content-Type does not match the key');
    let stored: StoredImage;
    try {
      stored = await storeImage(this.deps.store, key, contentType, body);
    } catch (err) {
      if (!(err instanceof ImageBytesError)) throw err;
      imageUploads.inc({ store: 'local', outcome: 'rejected' });
      throw err.reason === 'type_mismatch' ? unsupportedMedia(err.message) : unprocessable(err.message);
    }
    const result = await this.attach(parsed.gpuId, key, stored.thumbnailKey);
    imageUploads.inc({ store: 'local', outcome: 'stored' });
    return result;
  }

  /** After an upload: verify the object, then point the product at it (idempotent). */
  async complete(input: ImageCompleteInput): Promise<ImageCompleteResponse> {
    const gpuId = input.gpuId.toLowerCase();
    const parsed = parseObjectKey(input.key);
    if (!parsed || parsed.kind !== 'original' || parsed.gpuId !== gpuId) {
      throw badRequest('Invalid image key', [{ path: 'key', message: `must be original/${gpuId}/<uuid>.<ext>` }]);
    }
    const head = await this.deps.store.head(input.key);
    if (!head) throw notFound('Uploaded image');
    const expected = contentTypeOf(parsed.ext);
    const actual = sniffImageType(await this.deps.store.readStart(input.key, SNIFF_BYTES));
    // The stored Content-Type is what browsers will get; the bytes are what it really is.
    const storedType = head.contentType?.split(';')[0]?.trim().toLowerCase();
    if (head.size > maxImageBytes || actual !== expected || (storedType && storedType !== expected)) {
      // Never leave a bad object (or what a thumbnailer made of it) where a browser could load it.
      for (const key of [input.key, thumbnailKeyFor(input.key)]) {
        await this.deps.store.delete(key).catch(() => undefined);
      }
      imageUploads.inc({ store: this.deps.store.kind, outcome: 'rejected' });
      throw head.size > maxImageBytes
        ? new AppError(413, 'payload_too_large', `Image larger than ${maxImageBytes} bytes`)
        : unsupportedMedia(`The uploaded object is not ${expected}`);
    }
    // S3: the Lambda writes the thumbnail at this conventional key on ObjectCreated.
    const result = await this.attach(gpuId, input.key, thumbnailKeyFor(input.key));
    imageUploads.inc({ store: this.deps.store.kind, outcome: 'completed' });
    return result;
  }

  private async attach(gpuId: string, key: string, thumbnailKey: string): Promise<ImageCompleteResponse> {
    const previous = await this.deps.catalog.setImage(gpuId, { imageKey: key, thumbnailKey });
    for (const old of [previous.imageKey, previous.thumbnailKey]) {
      if (old && old !== key && old !== thumbnailKey) {
        await this.deps.store.delete(old).catch((err: Error) => {
          this.deps.logger.warn({ err: err.message, key: old }, 'could not delete a replaced image');
        });
      }
    }
    return {
      gpuId,
      key,
      thumbnailKey,
      imageUrl: this.deps.store.publicUrl(key),
      thumbnailUrl: this.deps.store.publicUrl(thumbnailKey),
    };
  }
}
