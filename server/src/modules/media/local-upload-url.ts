// Signed, expiring upload URLs for the local store: PUT /api/uploads/<key>?expires&len&sig,
// where sig = HMAC-SHA256(method, key, content type, expiry, length). Like an S3 presigned
// URL, the signature alone authorizes the upload, for that key and content type only.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface UploadUrlParams {
  key: string;
  contentType: string;
  /** Unix seconds. */
  expires: number;
  /** Exact length in bytes when declared at presign time. */
  length?: number;
}

export class UploadUrlSigner {
  private readonly key: Buffer;

  /** With JWT_SECRET, every instance derives the same key; without it, a per-process random key. */
  constructor(secret: string | undefined) {
    this.key = createHmac('sha256', secret ?? randomBytes(32))
      .update('gpu-assistant:local-upload-url:v1')
      .digest();
  }

  private mac(p: UploadUrlParams): Buffer {
    const canonical = ['PUT', p.key, p.contentType.toLowerCase(), String(p.expires), String(p.length ?? '')].join('\n');
    return createHmac('sha256', this.key).update(canonical).digest();
  }

  sign(p: UploadUrlParams): string {
    return this.mac(p).toString('base64url');
  }

  verify(p: UploadUrlParams, signature: string): boolean {
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(p);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Path and query (the caller adds the origin). */
  path(p: UploadUrlParams): string {
    const q = new URLSearchParams({ expires: String(p.expires) });
    if (p.length !== undefined) q.set('len', String(p.length));
    q.set('sig', this.sign(p));
    return `/api/uploads/${p.key}?${q.toString()}`;
  }
}
