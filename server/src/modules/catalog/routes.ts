// /api/gpus: public listing and detail; admin create, update (PUT and PATCH are both
// partial), soft delete. Role checks run before any parsing. Product text comes back in the
// request's language (`?lang`, else `Accept-Language`, else es).
import { Router, type Request, type Response } from 'express';
import { gpuCreateSchema, gpuListQuerySchema, gpuReadQuerySchema, gpuUpdateSchema, idParam } from '@gpu/shared';
import { parseBody, parseParams, parseQuery } from '../../http/validate.js';
import { sendSerializedJson } from '../../http/cached-response.js';
import { badRequest } from '../../platform/errors.js';
import { isAdmin } from '../auth/actor.js';
import { requireAdmin } from '../auth/middleware.js';
import { requestLanguage, varyByLanguage } from './request-language.js';
import type { CatalogService } from './service.js';

export function catalogRoutes(catalog: CatalogService): Router {
  const r = Router();

  r.get('/api/gpus', async (req, res) => {
    const query = parseQuery(gpuListQuerySchema, req);
    const includeInactive = query.includeInactive === true && isAdmin(req.actor);
    varyByLanguage(res);
    const serialized = await catalog.listResponse(query, { includeInactive, lang: requestLanguage(req, query.lang) });
    // An admin's listing with inactive products is theirs alone; everyone else's is shared.
    sendSerializedJson(req, res, serialized, includeInactive ? 'private' : 'public');
  });

  r.get('/api/gpus/:id', async (req, res) => {
    const { id } = parseParams(idParam, req);
    const { lang } = parseQuery(gpuReadQuerySchema, req);
    varyByLanguage(res);
    res.json(await catalog.get(id, { admin: isAdmin(req.actor), lang: requestLanguage(req, lang) }));
  });

  r.post('/api/gpus', requireAdmin, async (req, res) => {
    const { lang } = parseQuery(gpuReadQuerySchema, req);
    const gpu = await catalog.create(parseBody(gpuCreateSchema, req), requestLanguage(req, lang));
    varyByLanguage(res);
    res.status(201).location(`/api/gpus/${gpu.id}`).json(gpu);
  });

  const update = async (req: Request, res: Response) => {
    const { id } = parseParams(idParam, req);
    const { lang } = parseQuery(gpuReadQuerySchema, req);
    const patch = parseBody(gpuUpdateSchema, req);
    const expectedVersion = ifMatchVersion(req.get('if-match'));
    varyByLanguage(res);
    const { gpu, version } = await catalog.updateVersioned(id, patch, requestLanguage(req, lang), { expectedVersion });
    res.set('ETag', `"${version}"`).json(gpu);
  };
  r.put('/api/gpus/:id', requireAdmin, update);
  r.patch('/api/gpus/:id', requireAdmin, update);

  r.delete('/api/gpus/:id', requireAdmin, async (req, res) => {
    const { id } = parseParams(idParam, req);
    await catalog.remove(id);
    res.status(204).end();
  });
  return r;
}

/** `If-Match: "7"` (or `W/"7"`): the product version the admin edited; absent: last write wins. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"(\d{1,15})"$/.exec(header.trim());
  if (!m)
    throw badRequest('If-Match must be a product version in quotes, like "7"', [
      { path: 'If-Match', message: 'invalid' },
    ]);
  return Number(m[1]);
}
