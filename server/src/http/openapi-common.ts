// Shared pieces of the OpenAPI document: the zod extension, the bearer scheme, the
// problem+json error body, and helpers each module's `openapi.ts` uses to describe routes.
import { extendZodWithOpenApi, OpenAPIRegistry, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { errorCodes, idempotencyKeySchema, type Problem } from '@gpu/shared';
import { z } from 'zod';

// Adds `.openapi()` to schemas created from here on. The shared schemas were created before
// this runs, so describe and name them with zod's own `.meta({ id, description, ... })`, which
// the generator reads too (an `id` becomes a component and a $ref). Name each schema once, at
// module scope, and import the named one where another module needs it.
extendZodWithOpenApi(z);

/**
 * `register(name, schema)` names a schema with zod's `.meta({ id })` instead of `.openapi()`,
 * so it also works on the shared schemas. The component is emitted where the returned schema
 * is referenced (use the returned schema in your routes).
 */
export class SchemaRegistry extends OpenAPIRegistry {
  override register<T extends z.ZodType>(refId: string, zodSchema: T): T {
    return zodSchema.meta({ id: refId }) as T;
  }
}

export type { OpenAPIRegistry };
/** Each module exports one of these (`registerXOpenApi`); http/openapi.ts calls them all. */
export type OpenApiRegistrar = (registry: OpenAPIRegistry) => void;

export const BEARER_AUTH = 'bearerAuth';
/** `security` for routes that need an access token. */
export const bearerSecurity = [{ [BEARER_AUTH]: [] as string[] }];

export const problemSchema = z
  .object({
    type: z.string().meta({ example: 'https://errors.gpu-assistant.dev/bad_request' }),
    title: z.string().meta({ example: 'Bad Request' }),
    status: z.number().int().meta({ example: 400 }),
    detail: z.string().optional(),
    code: z.enum(errorCodes).optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string().optional(),
  })
  .meta({
    id: 'Problem',
    description: 'RFC 9457 problem details; every REST error has this body.',
  }) satisfies z.ZodType<Problem>;

const statusText: Record<number, string> = {
  400: 'Bad input (malformed JSON included); `errors` names each bad field',
  401: 'Missing, invalid or expired access token (or bad credentials)',
  403: 'Authenticated, but the role does not allow this',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Well-formed but refused by a business rule',
  429: 'Rate limited; retry after `Retry-After` seconds',
};

/** problem+json responses for the given statuses. */
export function problems(...statuses: number[]): Record<number, ResponseConfig> {
  const out: Record<number, ResponseConfig> = {};
  for (const status of statuses) {
    out[status] = {
      description: statusText[status] ?? 'Error',
      content: { 'application/problem+json': { schema: problemSchema } },
      ...(status === 429
        ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
        : {}),
    };
  }
  return out;
}

export function json(schema: z.ZodType, description: string): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody(schema: z.ZodType) {
  return { content: { 'application/json': { schema } }, required: true };
}

/** For POST /api/cart/checkout: `request: { headers: idempotencyKeyHeaders }`. */
export const idempotencyKeyHeaders = z.object({
  'Idempotency-Key': idempotencyKeySchema.meta({
    description: 'Client-made key (a UUID); the same key replays the same order instead of buying twice',
    example: '3f0c5c1e-8d4b-4b7e-9a57-0d2f9b1f6a10',
  }),
});

export function registerCommonOpenApi(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', BEARER_AUTH, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Access token from /api/auth/login, /register or /refresh (HS256, about 15 minutes).',
  });
}
