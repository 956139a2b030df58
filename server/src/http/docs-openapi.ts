// OpenAPI: the document itself and its Swagger UI page.
import { z } from 'zod';
import type { OpenAPIRegistry } from './openapi-common.js';

export function registerDocsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['docs'];
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags,
    summary: 'This OpenAPI 3.1 document',
    responses: {
      200: { description: 'The document', content: { 'application/json': { schema: z.object({}).passthrough() } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/docs',
    tags,
    summary: 'Swagger UI (served from the installed swagger-ui-dist)',
    responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
  });
}
