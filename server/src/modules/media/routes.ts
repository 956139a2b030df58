// Image uploads. POST /api/images/upload (admin) hands out a presigned PUT URL;
// POST /api/images/complete (admin) attaches an uploaded object to its product. With the
// local store, this server also takes the signed PUT itself and serves /uploads/<key>.
import { Router, type Request } from 'express';
import { imageCompleteSchema, imageContentTypes, maxImageBytes, uploadRequestSchema } from '@gpu/shared';
import { readRawBody } from '../../http/raw-body.js';
import { parseBody } from '../../http/validate.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.js';
import { requireAdmin } from '../auth/middleware.js';
import { contentTypeOf, parseObjectKey, type ImageContentType } from './image-keys.js';
import { LocalObjectStore } from './local-object-store.js';
import type { MediaService } from './service.js';

/** The origin the client reached us at (behind a proxy: X-Forwarded-Proto/Host via trust proxy). */
const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** Express 5 `*key` wildcards arrive as path segments. */
function keyParam(req: Request): string {
  const raw = (req.params as Record<string, string | string[] | undefined>)['key'];
  return Array.isArray(raw) ? raw.join('/') : (raw ?? '');
}

function mediaType(req: Request): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

export function mediaRoutes(media: MediaService): Router {
  const r = Router();

  r.post('/api/images/upload', requireAdmin, async (req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .json(await media.createUpload(parseBody(uploadRequestSchema, req), originOf(req)));
  });

  r.post('/api/images/complete', requireAdmin, async (req, res) => {
    res.json(await media.complete(parseBody(imageCompleteSchema, req)));
  });

  if (media.store instanceof LocalObjectStore) mountLocalStore(r, media, media.store);
  return r;
}

function mountLocalStore(r: Router, media: MediaService, store: LocalObjectStore): void {
  // The signature is the authorization, as with an S3 presigned URL: no bearer token needed.
  r.put('/api/uploads/*key', async (req, res) => {
    const key = keyParam(req);
    const parsed = parseObjectKey(key);
    if (!parsed || parsed.kind !== 'original') throw notFound('Upload');
    const contentType = mediaType(req);
    if (!(imageContentTypes as readonly string[]).includes(contentType)) {
      throw new AppError(415, 'bad_request', `Content-Type must be one of ${imageContentTypes.join(', ')}`);
    }
    const expires = Number(req.query['expires']);
    const lenParam = req.query['len'];
    const length = lenParam === undefined ? undefined : Number(lenParam);
    const sig = typeof req.query['sig'] === 'string' ? req.query['sig'] : '';
    if (!Number.isInteger(expires) || (length !== undefined && !Number.isInteger(length))) {
      throw badRequest('Malformed upload URL');
    }
    if (!store.signer.verify({ key, contentType, expires, ...(length !== undefined ? { length } : {}) }, sig)) {
      throw forbidden('Upload URL signature does not match (wrong URL or Content-Type)');
    }
    if (expires * 1000 < Date.now()) throw forbidden('Upload URL has expired');
    const body = await readRawBody(req, Math.min(length ?? maxImageBytes, maxImageBytes));
    if (length !== undefined && body.length !== length) throw badRequest(`Body must be exactly ${length} bytes`);
    if (body.length === 0) throw badRequest('Empty upload');
    res.json(await media.receiveLocalUpload(key, contentType as ImageContentType, body));
  });

  r.get('/uploads/*key', (req, res, next) => {
    const key = keyParam(req);
    const parsed = parseObjectKey(key);
    if (!parsed) return next(notFound('File'));
    res.sendFile(
      store.filePath(key),
      {
        headers: {
          'Content-Type': contentTypeOf(parsed.ext),
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'",
          // Keys are never reused (a new upload gets a new uuid).
          'Cache-Control': 'public, max-age=31536000, immutable',
        },
      },
      (err) => {
        if (!err) return;
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') next(notFound('File'));
        else next(err);
      },
    );
  });
}
