// Reads a raw (non-JSON) request body into memory with a hard byte limit: a declared
// Content-Length over the limit is refused before reading, and a body that grows past it
// (chunked, or lying) is cut off.
import type { Request } from 'express';
import { AppError } from '../platform/errors.js';

const tooLarge = (limit: number) => new AppError(413, 'payload_too_large', `Body larger than ${limit} bytes`);

export async function readRawBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain so the connection can be reused
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.destroy();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
