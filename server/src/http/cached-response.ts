// Sends a pre-serialized JSON body with its strong ETag: 304 without a body when the client's
// If-None-Match already names it. `no-cache` lets browsers and proxies keep the bytes but makes
// them ask every time, which fits live stock: a changed stock is a new ETag at once, while an
// unchanged listing costs a header-only 304.
//
// Bodies of 1 KB and more are gzipped once per cached body (not per request) for clients that
// accept it; that variant has its own strong tag (RFC 9110: a different representation).
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

export interface SerializedBody {
  body: Buffer;
  /** Strong entity tag, quoted: `"..."`. */
  etag: string;
  /** Filled on first use by a gzip-accepting client. */
  gzip?: Buffer;
}

const GZIP_MIN_BYTES = 1024;

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/"x"` matches `"x"`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

export function sendSerializedJson(
  req: Request,
  res: Response,
  serialized: SerializedBody,
  scope: 'public' | 'private',
): void {
  const { body, etag } = serialized;
  const gzip =
    body.length >= GZIP_MIN_BYTES && req.headers['accept-encoding'] && req.acceptsEncodings('gzip') === 'gzip';
  const tag = gzip ? `${etag.slice(0, -1)}-gz"` : etag;
  res.vary('Accept-Encoding');
  res.setHeader('ETag', tag);
  res.setHeader('Cache-Control', `${scope}, no-cache`);
  if (etagMatches(req.headers['if-none-match'], tag)) {
    res.status(304).end();
    return;
  }
  const bytes = gzip ? (serialized.gzip ??= gzipSync(body)) : body;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : bytes);
}
