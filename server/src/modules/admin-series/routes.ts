// GET /api/admin/series?name=...&range=24h|7d|30d[&gpuId=] (admin): one dashboard time series.
import { Router } from 'express';
import { seriesQuerySchema } from '@gpu/shared';
import { parseQuery } from '../../http/validate.js';
import { requireAdmin } from '../auth/middleware.js';
import type { AdminSeriesService } from './service.js';

export function adminSeriesRoutes(series: AdminSeriesService): Router {
  const r = Router();
  r.get('/api/admin/series', requireAdmin, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await series.series(parseQuery(seriesQuerySchema, req)));
  });
  return r;
}
