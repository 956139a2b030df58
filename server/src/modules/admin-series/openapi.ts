// OpenAPI: GET /api/admin/series.
import { seriesQuerySchema, seriesSchema } from '@gpu/shared';
import { bearerSecurity, json, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

const Series = seriesSchema.meta({ id: 'AdminSeries' });

export function registerAdminSeriesOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/admin/series',
    tags: ['admin'],
    summary: 'A dashboard time series (admin)',
    description:
      'One point per bucket (hours for `24h` and `7d`, UTC days for `30d`), oldest first; the last bucket is the current one. ' +
      '`orders`, `revenue` (USD), `chats` (shopper messages), `answers` (assistant answers that finished), `ttft_p50` / `ttft_p95` ' +
      '(time to first token, ms; null without answers), `stockout_asks` (out-of-stock products in answers), `stock` ' +
      "(needs `gpuId`: the product's level at the end of each bucket). The open bucket moves live: `series:point` on the /admin namespace.",
    security: bearerSecurity,
    request: { query: seriesQuerySchema },
    responses: { 200: json(Series, 'The series'), ...problems(400, 401, 403, 404) },
  });
}
