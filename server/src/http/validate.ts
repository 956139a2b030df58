// Parse request parts with the shared zod schemas; any failure is a 400 problem+json
// naming each bad field.
import type { Request } from 'express';
import type { z } from 'zod';
import { fromZod } from '../platform/errors.js';

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) throw fromZod(r.error, 'Invalid request body');
  return r.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const r = schema.safeParse(req.query);
  if (!r.success) throw fromZod(r.error, 'Invalid query parameters');
  return r.data;
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const r = schema.safeParse(req.params);
  if (!r.success) throw fromZod(r.error, 'Invalid path parameters');
  return r.data;
}
