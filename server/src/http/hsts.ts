// Strict-Transport-Security only on HTTPS responses (directly, or behind a trusted proxy that
// says X-Forwarded-Proto: https): over plain HTTP the header means nothing and must not be sent.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const hsts = helmet.strictTransportSecurity({ maxAge: 15_552_000, includeSubDomains: true });

export const hstsOverHttps: RequestHandler = (req, res, next) => {
  if (req.secure) hsts(req, res, next);
  else next();
};
