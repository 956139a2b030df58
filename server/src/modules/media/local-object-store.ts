// Local file store (no S3_BUCKET): files under UPLOADS_DIR, uploaded through this server's
// own signed URLs and served at /uploads/<key>. Keys are validated against the one key
// pattern before any path is built, so nothing can escape the directory.
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { contentTypeOf, parseObjectKey } from './image-keys.js';
import type { UploadUrlSigner } from './local-upload-url.js';
import type { ObjectStore, PresignRequest, PresignedUpload, StoredObject } from './object-store.js';

export interface LocalObjectStoreOptions {
  dir: string;
  signer: UploadUrlSigner;
  /** CDN base for public URLs; default: this server's /uploads. */
  publicBaseUrl?: string;
  now?: () => number;
}

export class LocalObjectStore implements ObjectStore {
  readonly kind = 'local' as const;
  readonly root: string;
  private readonly now: () => number;

  constructor(private readonly opts: LocalObjectStoreOptions) {
    this.root = path.resolve(opts.dir);
    this.now = opts.now ?? (() => Date.now());
  }

  get signer(): UploadUrlSigner {
    return this.opts.signer;
  }

  /** Absolute path of a key's file; throws for anything that is not a valid key. */
  filePath(key: string): string {
    if (!parseObjectKey(key)) throw new Error(`invalid object key: ${key}`);
    const file = path.resolve(this.root, ...key.split('/'));
    if (!file.startsWith(this.root + path.sep)) throw new Error(`object key escapes the store: ${key}`);
    return file;
  }

  async presignPut(req: PresignRequest): Promise<PresignedUpload> {
    const expires = Math.floor(this.now() / 1000) + req.expiresInS;
    const urlPath = this.opts.signer.path({
      key: req.key,
      contentType: req.contentType,
      expires,
      ...(req.contentLength ? { length: req.contentLength } : {}),
    });
    return { url: `${req.origin}${urlPath}`, headers: { 'Content-Type': req.contentType } };
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.filePath(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const s = await stat(this.filePath(key));
      return { size: s.size, contentType: contentTypeOf(parseObjectKey(key)!.ext) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async readStart(key: string, bytes: number): Promise<Buffer> {
    const handle = await open(this.filePath(key), 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.filePath(key), { force: true });
  }

  publicUrl(key: string): string {
    return this.opts.publicBaseUrl ? `${this.opts.publicBaseUrl.replace(/\/$/, '')}/${key}` : `/uploads/${key}`;
  }
}
