// Refuses control characters in every REST text input (JSON body and query string) before
// any route runs: a 400 problem+json naming each field (logged by the error handler). The rule
// is platform/text-hygiene.ts.
import type { RequestHandler } from 'express';
import { badRequest } from '../platform/errors.js';
import { inputRejections } from '../platform/metrics.js';
import { controlCharacterErrors } from '../platform/text-hygiene.js';

export const rejectControlCharacters: RequestHandler = (req, _res, next) => {
  const errors = [...controlCharacterErrors(req.query), ...controlCharacterErrors(req.body)];
  if (errors.length === 0) return next();
  inputRejections.inc({ surface: 'http', reason: 'control_characters' });
  next(badRequest('Text must not contain control characters', errors));
};
