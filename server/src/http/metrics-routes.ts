// GET /metrics (Prometheus text). Where it is served is a decision, made once from config:
//   - METRICS_PORT set: only on that port, by its own small listener (metrics-server.ts);
//     the main port answers 404, so the public ingress never exposes it;
//   - otherwise, outside production: on the main port, open (development and tests);
//   - otherwise, in production: on the main port only with `Authorization: Bearer
//     <METRICS_TOKEN>`, and off (404) when no METRICS_TOKEN is set.
import { timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Config } from '../config.js';
import { exposedMetrics, registry } from '../platform/metrics.js';
import { unauthorized } from '../platform/errors.js';

export type MetricsExposure = { on: 'metrics-port' } | { on: 'main-port'; token?: string } | { on: 'off' };

export function metricsExposure(config: Pick<Config, 'METRICS_PORT' | 'METRICS_TOKEN' | 'NODE_ENV'>): MetricsExposure {
  if (config.METRICS_PORT) return { on: 'metrics-port' };
  if (config.NODE_ENV !== 'production') return { on: 'main-port' };
  return config.METRICS_TOKEN ? { on: 'main-port', token: config.METRICS_TOKEN } : { on: 'off' };
}

export const serveMetrics: RequestHandler = async (_req, res) => {
  res
    .set('Content-Type', registry.contentType)
    .set('Cache-Control', 'no-store')
    .send(await exposedMetrics());
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The main port's /metrics route, per the exposure (nothing when it is served elsewhere or off). */
export function metricsRoutes(exposure: MetricsExposure): Router {
  const r = Router();
  if (exposure.on !== 'main-port') return r;
  const token = exposure.token;
  r.get('/metrics', (req, res, next) => {
    if (token) {
      const [scheme, given] = (req.get('authorization') ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !given || !sameSecret(given, token)) {
        next(unauthorized('Metrics need the scrape token'));
        return;
      }
    }
    void serveMetrics(req, res, next);
  });
  return r;
}
