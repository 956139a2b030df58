// /healthz (liveness, touches nothing), /readyz (gates traffic), /health (deep). /metrics is
// served per METRICS_PORT / METRICS_TOKEN (http/metrics-routes.ts).
import { Router } from 'express';
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
  return r;
}
