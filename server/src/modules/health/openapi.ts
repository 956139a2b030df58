// OpenAPI: liveness, readiness, deep health, metrics.
import { z } from 'zod';
import { healthSchema } from '@gpu/shared';
import { json, type OpenAPIRegistry } from '../../http/openapi-common.js';

const Health = healthSchema.meta({ id: 'Health' });

export function registerHealthOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['health'];
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    tags,
    summary: 'Liveness (touches no dependency)',
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'Process is alive') },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    tags,
    summary: 'Readiness: database answers, migrations applied, Redis (when configured)',
    responses: {
      200: json(z.object({ status: z.literal('ready') }), 'Ready for traffic'),
      503: json(z.object({ status: z.literal('not_ready'), reasons: z.array(z.string()) }), 'Not ready'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/health',
    tags,
    summary: 'Deep health report',
    responses: { 200: json(Health, '`status` is ok or degraded') },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    tags,
    summary: 'Prometheus metrics',
    description:
      'Served on `METRICS_PORT` instead when that is set (404 here). In production without it, needs `Authorization: Bearer <METRICS_TOKEN>` (off, 404, when no token is configured).',
    responses: {
      200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
      401: { description: 'Production: missing or wrong scrape token' },
    },
  });
}
