// /healthz (liveness, touches nothing), /readyz (gates traffic), /health (deep), /metrics.
import { Router } from 'express';
import { exposedMetrics, registry } from '../../platform/metrics.js';
import type { HealthService } from './health-service.js';

export function healthRoutes(health: HealthService): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    const { ready, reasons } = await health.readiness();
    res
      .set('Cache-Control', 'no-store')
      .status(ready ? 200 : 503)
      .json(ready ? { status: 'ready' } : { status: 'not_ready', reasons });
  });
  r.get('/health', async (_req, res) => {
    const report = await health.report();
    // 200 either way: `status` says ok or degraded; /readyz is the gate.
    res.set('Cache-Control', 'no-store').json(report);
  });
  r.get('/metrics', async (_req, res) => {
    res.set('Content-Type', registry.contentType).send(await exposedMetrics());
  });
  return r;
}
