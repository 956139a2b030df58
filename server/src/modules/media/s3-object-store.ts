// S3 (or any S3-compatible endpoint, e.g. s3rver in tests): presigned PUT URLs bound to the
// content type and, when declared, the exact length. Thumbnails are written by the Lambda.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore, PresignRequest, PresignedUpload, StoredObject } from './object-store.js';

export interface S3ObjectStoreOptions {
  bucket: string;
  region: string;
  /** Custom endpoint (MinIO, s3rver): path-style addressing. */
  endpoint?: string;
  /** CDN or website base for public URLs; defaults to the bucket's own URL. */
  publicBaseUrl?: string;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly publicBase: string;

  constructor(private readonly opts: S3ObjectStoreOptions) {
    this.client = new S3Client({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
      // Otherwise the SDK signs a CRC32 of the (empty) body into presigned URLs, and S3
      // refuses the real upload.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.publicBase = (
      opts.publicBaseUrl ??
      (opts.endpoint
        ? `${opts.endpoint.replace(/\/$/, '')}/${opts.bucket}`
        : `https://${opts.bucket}.s3.${opts.region}.amazonaws.com`)
    ).replace(/\/$/, '');
  }

  async presignPut(req: PresignRequest): Promise<PresignedUpload> {
    const command = new PutObjectCommand({
      Bucket: this.opts.bucket,
      Key: req.key,
      ContentType: req.contentType,
      ...(req.contentLength ? { ContentLength: req.contentLength } : {}),
    });
    const signed = new Set(['content-type', ...(req.contentLength ? ['content-length'] : [])]);
    const url = await getSignedUrl(this.client, command, { expiresIn: req.expiresInS, signableHeaders: signed });
    return { url, headers: { 'Content-Type': req.contentType } };
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.opts.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async readStart(key: string, bytes: number): Promise<Buffer> {
    const out = await this.client.send(
      new GetObjectCommand({ Bucket: this.opts.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
    );
    const body = out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
    return body.subarray(0, bytes);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: key }));
  }

  publicUrl(key: string): string {
    return `${this.publicBase}/${key}`;
  }
}
