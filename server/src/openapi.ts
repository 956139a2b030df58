// The OpenAPI 3.1 document, generated from the same shared zod schemas that validate requests.
// Each module describes its own routes in `modules/<x>/openapi.ts`; the composition root (this
// file, beside services.ts) assembles them, so http/ knows no capability module. Add yours.
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { registerCommonOpenApi, SchemaRegistry, type OpenApiRegistrar } from './http/openapi-common.js';
import { registerHealthOpenApi } from './modules/health/openapi.js';
import { registerAuthOpenApi } from './modules/auth/openapi.js';
import { registerCatalogOpenApi } from './modules/catalog/openapi.js';
import { registerMediaOpenApi } from './modules/media/openapi.js';
import { registerCartOpenApi } from './modules/cart/openapi.js';
import { registerOrdersOpenApi } from './modules/orders/openapi.js';
import { registerDocsOpenApi } from './http/docs-openapi.js';
import { registerAssistantOpenApi } from './modules/assistant/openapi.js';
import { registerConversationsOpenApi } from './modules/conversations/openapi.js';
import { registerAdminSeriesOpenApi } from './modules/admin-series/openapi.js';

export const openApiRegistrars: OpenApiRegistrar[] = [
  registerCommonOpenApi,
  registerHealthOpenApi,
  registerAuthOpenApi,
  registerCatalogOpenApi,
  registerMediaOpenApi,
  registerDocsOpenApi,
  // cart & checkout (`request: { headers: idempotencyKeyHeaders }` from openapi-common), orders:
  registerCartOpenApi,
  registerOrdersOpenApi,
  registerConversationsOpenApi,
  registerAssistantOpenApi,
  registerAdminSeriesOpenApi,
];

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function buildOpenApiDocument(opts: { version: string }): OpenApiDocument {
  const registry = new SchemaRegistry();
  for (const register of openApiRegistrars) register(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'GPU store assistant API',
      version: opts.version,
      description:
        'REST surface of the GPU store: accounts, catalog, images, cart and orders, and the assistant. Errors are RFC 9457 `application/problem+json`. Real-time chat and stock use Socket.IO (see CONTRACT.md).',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'health', description: 'Probes and metrics' },
      { name: 'auth', description: 'Accounts and sessions' },
      { name: 'catalog', description: 'GPUs' },
      { name: 'images', description: 'Product images' },
      { name: 'cart', description: "The signed-in user's cart and checkout (Idempotency-Key)" },
      { name: 'orders', description: 'Order history' },
      { name: 'docs', description: 'This document' },
      { name: 'assistant', description: 'Shopping assistant: ask-ai, chat history, insights' },
      { name: 'admin', description: 'Dashboard time series' },
    ],
  });
}
