// CORS for the allowed origins only (origin.ts: scheme, host and port); a cross-site write
// from a foreign origin is refused outright (403) rather than relying on the browser to drop
// the response. Only an allowed origin is ever echoed in Access-Control-Allow-Origin.
import type { RequestHandler } from 'express';
import { forbidden } from '../platform/errors.js';
import type { OriginPolicy } from './origin.js';

export function cors(policy: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    res.setHeader('Vary', 'Origin');
    if (!policy.isAllowed(req)) {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      return next(forbidden(`Origin ${origin} is not allowed`));
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE,OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, Idempotency-Key, Accept, X-Request-Id, X-Guest-Id',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
