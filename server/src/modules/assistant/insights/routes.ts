// GET /api/admin/insights?days=7 (admin): the assistant's analytics for the dashboard.
import { Router } from 'express';
import { insightsQuerySchema } from '@gpu/shared';
import { parseQuery } from '../../../http/validate.js';
import { requireAdmin } from '../../auth/middleware.js';
import type { InsightsService } from './service.js';

export function insightsRoutes(insights: InsightsService): Router {
  const r = Router();
  r.get('/api/admin/insights', requireAdmin, async (req, res) => {
    const { days } = parseQuery(insightsQuerySchema, req);
    res.set('Cache-Control', 'no-store').json(await insights.report(days));
  });
  return r;
}
