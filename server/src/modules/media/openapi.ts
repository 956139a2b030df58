// OpenAPI: product image uploads (presign, complete) and the local store's endpoints.
import { z } from 'zod';
import {
  imageCompleteResponseSchema,
  imageCompleteSchema,
  imageContentTypes,
  uploadRequestSchema,
  uploadResponseSchema,
} from '@gpu/shared';
import { bearerSecurity, json, jsonBody, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

const keyParam = z.object({
  key: z.string().meta({
    description: 'Object key, e.g. original/<gpuId>/<uuid>.png (slashes included)',
    example: 'original/0b9f1c2e-7a8d-4c3b-9e1f-2a3b4c5d6e7f/5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a.png',
  }),
});

const Complete = imageCompleteResponseSchema.meta({ id: 'ImageCompleteResponse' });
const UploadRequest = uploadRequestSchema.meta({ id: 'UploadRequest' });
const UploadResponse = uploadResponseSchema.meta({ id: 'UploadResponse' });
const CompleteRequest = imageCompleteSchema.meta({ id: 'ImageCompleteRequest' });
const binary = z.string().meta({ format: 'binary' });

export function registerMediaOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['images'];

  registry.registerPath({
    method: 'post',
    path: '/api/images/upload',
    tags,
    summary: 'Presigned PUT URL for a product image (admin)',
    description:
      'PUT the bytes to `uploadUrl` with `headers` within `expiresIn` seconds. The URL is bound to the content type (and to `contentLength` when declared). Keys: `original/<gpuId>/<uuid>.<ext>`; thumbnail `thumbnails/<gpuId>/<uuid>.webp`. With S3, then call /api/images/complete (the thumbnail Lambda writes the thumbnail); the local store attaches the image when the PUT succeeds.',
    security: bearerSecurity,
    request: { body: jsonBody(UploadRequest) },
    responses: {
      200: json(UploadResponse, 'Upload URL'),
      ...problems(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/images/complete',
    tags,
    summary: 'Attach an uploaded image to its product (admin)',
    description:
      'Checks the object exists, is at most the size limit and really is the image type of its key (otherwise it is deleted); sets the product image and conventional thumbnail keys. Idempotent.',
    security: bearerSecurity,
    request: { body: jsonBody(CompleteRequest) },
    responses: { 200: json(Complete, 'Attached'), ...problems(400, 401, 403, 404, 413, 415) },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/uploads/{key}',
    tags,
    summary: 'Local store only: the signed upload URL handed out by /api/images/upload',
    description:
      'Authorized by its HMAC signature (no bearer token). The bytes must be the signed content type (checked by magic number), at most the size limit; a thumbnail is made and the product updated.',
    request: {
      params: keyParam,
      query: z.object({ expires: z.string(), len: z.string().optional(), sig: z.string() }),
      body: {
        required: true,
        content: Object.fromEntries(imageContentTypes.map((t) => [t, { schema: binary }])),
      },
    },
    responses: { 200: json(Complete, 'Stored and attached'), ...problems(400, 403, 404, 413, 415, 422) },
  });
  registry.registerPath({
    method: 'get',
    path: '/uploads/{key}',
    tags,
    summary: 'Local store only: a stored image or thumbnail',
    request: { params: keyParam },
    responses: {
      200: {
        description: 'The image',
        content: Object.fromEntries(imageContentTypes.map((t) => [t, { schema: binary }])),
      },
      ...problems(404),
    },
  });
}
