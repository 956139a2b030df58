// CORS for the allowed origins only; a cross-site write from a foreign origin is refused
// outright (403) rather than relying on the browser to drop the response.
import type { RequestHandler } from 'express';
import { forbidden } from '../platform/errors.js';
import { isOriginAllowed } from './origin.js';

export function cors(allowed: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    if (!isOriginAllowed(req, allowed)) {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      return next(forbidden(`Origin ${origin} is not allowed`));
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE,OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, Idempotency-Key, Accept, X-Request-Id',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
