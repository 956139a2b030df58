// AWS Lambda: S3 `ObjectCreated` on `original/<gpuId>/<uuid>.<ext>` -> a 320 px WebP thumbnail at
// `thumbnails/<gpuId>/<uuid>.webp`. The image work is the server's own generator, so the
// server's local-file store and this function produce identical thumbnails.
//
// Built into the `lambda-thumbnail` Docker target (esbuild bundle, sharp for linux-x64); the
// S3 notification that invokes it is filtered to the `original/` prefix in Terraform, and this
// handler checks the prefix again so a misconfigured trigger can never loop on its own output.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { makeThumbnail, thumbnailKeyFor } from '../../../server/src/modules/media/thumbnail.js';

/** The part of an S3 event notification record this handler reads. */
export interface S3EventRecord {
  eventName?: string;
  s3: {
    bucket: { name: string };
    object: { key: string; size?: number };
  };
}

/** An S3 event notification (what Lambda receives from an S3 trigger). */
export interface S3Event {
  Records?: S3EventRecord[];
}

export interface ThumbnailResult {
  processed: { bucket: string; source: string; thumbnail: string; bytes: number }[];
  skipped: { key: string; reason: string }[];
}

/** The two S3 operations the handler needs (S3 in the Lambda, a fake in tests). */
export interface ObjectStore {
  get(bucket: string, key: string): Promise<Buffer>;
  put(bucket: string, key: string, body: Buffer, source: string): Promise<void>;
}

export interface ThumbnailDeps {
  store: ObjectStore;
  makeThumbnail: (input: Buffer) => Promise<Buffer>;
  thumbnailKeyFor: (originalKey: string) => string;
  /** Originals larger than this are skipped (sharp decodes in memory). */
  maxSourceBytes?: number;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

export const ORIGINAL_PREFIX = 'original/';
export const THUMBNAIL_PREFIX = 'thumbnails/';
const DEFAULT_MAX_SOURCE_BYTES = 25 * 1024 * 1024;

/** S3 event keys are URL-encoded with spaces as `+` (application/x-www-form-urlencoded). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

function jsonLog(message: string, fields: Record<string, unknown>): void {
  // One JSON line per event on stdout: CloudWatch Logs keeps it as is.
  process.stdout.write(`${JSON.stringify({ message, ...fields })}\n`);
}

/** ObjectStore over the AWS SDK v3 S3 client. */
export function s3ObjectStore(client: Pick<S3Client, 'send'>): ObjectStore {
  return {
    async get(bucket, key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
      return Buffer.from(await object.Body.transformToByteArray());
    },
    async put(bucket, key, body, source) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: 'image/webp',
          CacheControl: 'public, max-age=31536000, immutable',
          Metadata: { source },
        }),
      );
    },
  };
}

export function createHandler(deps: ThumbnailDeps): (event: S3Event) => Promise<ThumbnailResult> {
  const maxBytes = deps.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const log = deps.log ?? jsonLog;

  return async function handler(event: S3Event): Promise<ThumbnailResult> {
    const result: ThumbnailResult = { processed: [], skipped: [] };
    const failures: Error[] = [];

    // One record at a time: each decode holds the whole image in memory.
    for (const record of event.Records ?? []) {
      const bucket = record.s3.bucket.name;
      const key = decodeS3Key(record.s3.object.key);
      if (record.eventName && !record.eventName.startsWith('ObjectCreated:')) {
        result.skipped.push({ key, reason: `event ${record.eventName}` });
        continue;
      }
      if (!key.startsWith(ORIGINAL_PREFIX)) {
        result.skipped.push({ key, reason: 'not under original/' });
        continue;
      }
      if (record.s3.object.size !== undefined && record.s3.object.size > maxBytes) {
        result.skipped.push({ key, reason: `larger than ${maxBytes} bytes` });
        log('thumbnail skipped: source too large', { bucket, key, size: record.s3.object.size });
        continue;
      }
      // A key outside the original/<gpuId>/<uuid>.<ext> convention is skipped, not retried:
      // no retry can make it valid.
      let target: string;
      try {
        target = deps.thumbnailKeyFor(key);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        result.skipped.push({ key, reason });
        log('thumbnail skipped: unexpected key', { bucket, key, reason });
        continue;
      }
      if (!target.startsWith(THUMBNAIL_PREFIX)) {
        result.skipped.push({ key, reason: `thumbnail key ${target} is outside ${THUMBNAIL_PREFIX}` });
        continue;
      }
      try {
        const source = await deps.store.get(bucket, key);
        const thumbnail = await deps.makeThumbnail(source);
        await deps.store.put(bucket, target, thumbnail, key);
        result.processed.push({ bucket, source: key, thumbnail: target, bytes: thumbnail.length });
        log('thumbnail written', { bucket, source: key, thumbnail: target, bytes: thumbnail.length });
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        failures.push(error);
        log('thumbnail failed', { bucket, key, error: error.message });
      }
    }

    // Throwing makes Lambda retry the event (asynchronous invocation). Re-processing the records
    // that did succeed is harmless: PutObject of the same key is idempotent.
    if (failures.length > 0) {
      throw new AggregateError(failures, `${failures.length} thumbnail(s) failed`);
    }
    return result;
  };
}

/** The Lambda entry point (`index.handler` in the image). */
export const handler = createHandler({
  store: s3ObjectStore(new S3Client({})),
  makeThumbnail,
  thumbnailKeyFor,
  maxSourceBytes: Number(process.env.MAX_SOURCE_BYTES) || DEFAULT_MAX_SOURCE_BYTES,
});
