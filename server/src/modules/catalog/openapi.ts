// OpenAPI: /api/gpus (public listing and detail, admin writes).
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  gpuCreateSchema,
  gpuListQuerySchema,
  gpuListSchema,
  gpuReadQuerySchema,
  gpuSchema,
  gpuUpdateSchema,
  idParam,
} from '@gpu/shared';
import { bearerSecurity, json, jsonBody, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

/** The named `Gpu` component; reuse it (e.g. in cart or assistant docs) instead of naming it again. */
export const GpuDoc = gpuSchema.meta({ id: 'Gpu' });
const GpuList = gpuListSchema.extend({ items: z.array(GpuDoc) }).meta({ id: 'GpuList' });
const GpuCreate = gpuCreateSchema.meta({ id: 'GpuCreate' });
const GpuUpdate = gpuUpdateSchema.meta({ id: 'GpuUpdate' });

const languageNote =
  'Product text: `description` is in the requested language (`lang=es|en`, else the best of es/en in `Accept-Language`, else `es`), falling back to the other language when that text is empty; `descriptions` has both. Answers carry `Vary: Accept-Language`.';
const writeNote =
  '`descriptions` sets one or both languages (the others are kept); a plain `description` sets the text in the request language (`lang`, else `Accept-Language`, else `es`).';
const acceptLanguage = z.object({ 'accept-language': z.string().optional() });
const updateHeaders = acceptLanguage.extend({
  'if-match': z.string().optional().meta({
    description:
      'The product version edited (the `ETag` of an earlier write, or `version` from the admin snapshot); a changed product is a 409',
    example: '"7"',
  }),
});
const varyHeader = { Vary: { description: 'Accept-Language', schema: { type: 'string' as const } } };
const withVary = (r: ResponseConfig): ResponseConfig => ({ ...r, headers: varyHeader });

export function registerCatalogOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['catalog'];
  const Gpu = GpuDoc;
  const params = idParam;

  registry.registerPath({
    method: 'get',
    path: '/api/gpus',
    tags,
    summary: 'List products',
    description:
      '`q` is full-text over the name and both descriptions (English and Spanish stemming, plus plain tokens) and a partial name/SKU match; `sort` defaults to `relevance` with `q`, else `name`. Only active products, unless an admin sends `includeInactive=true`. `pageSize` above 100 is a 400. ' +
      languageNote,
    request: { query: gpuListQuerySchema, headers: acceptLanguage },
    responses: { 200: withVary(json(GpuList, 'One page and the total under the filters')), ...problems(400) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/gpus/{id}',
    tags,
    summary: 'One product (404 when missing or inactive, unless admin)',
    description: languageNote,
    request: { params, query: gpuReadQuerySchema, headers: acceptLanguage },
    responses: { 200: withVary(json(Gpu, 'The product')), ...problems(400, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/gpus',
    tags,
    summary: 'Create a product (admin)',
    description: writeNote,
    security: bearerSecurity,
    request: { query: gpuReadQuerySchema, headers: acceptLanguage, body: jsonBody(GpuCreate) },
    responses: { 201: json(Gpu, 'Created'), ...problems(400, 401, 403, 409, 413) },
  });
  for (const method of ['put', 'patch'] as const) {
    registry.registerPath({
      method,
      path: '/api/gpus/{id}',
      tags,
      summary: `Update a product (admin; ${method.toUpperCase()} is a partial update)`,
      description:
        'Only the fields sent change (`specs`, when sent, is replaced as a whole; `descriptions` changes only the languages it names). ' +
        writeNote +
        ' A text change re-computes the embedding; a stock change is published as `stock.changed`.' +
        ' The answer carries the product version as `ETag`; with `If-Match` an edit of a copy that changed since is a 409.',
      security: bearerSecurity,
      request: { params, query: gpuReadQuerySchema, headers: updateHeaders, body: jsonBody(GpuUpdate) },
      responses: { 200: json(Gpu, 'Updated product'), ...problems(400, 401, 403, 404, 409, 413) },
    });
  }
  registry.registerPath({
    method: 'delete',
    path: '/api/gpus/{id}',
    tags,
    summary: 'Soft-delete a product (admin): isActive=false',
    security: bearerSecurity,
    request: { params },
    responses: { 204: { description: 'Deactivated' }, ...problems(400, 401, 403, 404) },
  });
}
