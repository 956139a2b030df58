// Checkout (POST /api/cart/checkout: it turns the cart into an order, so it lives with
// orders) and the order history. Signed-in users only.
import { Router, type Request } from 'express';
import { checkoutRequestSchema, idempotencyKeySchema } from '@gpu/shared';
import { parseBody } from '../../http/validate.js';
import { badRequest, zodFieldErrors } from '../../platform/errors.js';
import { requireUser, userOf } from '../auth/middleware.js';
import type { OrderService } from './service.js';

function idempotencyKey(req: Request): string {
  const raw = req.get('idempotency-key');
  if (raw === undefined) throw badRequest('The Idempotency-Key header is required');
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(
      'Invalid Idempotency-Key header',
      zodFieldErrors(parsed.error).map((e) => ({ ...e, path: 'Idempotency-Key' })),
    );
  }
  return parsed.data;
}

export function ordersRoutes(orders: OrderService): Router {
  const r = Router();

  r.post('/cart/checkout', requireUser, async (req, res) => {
    const key = idempotencyKey(req);
    const body = parseBody(checkoutRequestSchema, req);
    const result = await orders.checkout(userOf(req).userId, key, body);
    if (result.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(result.status);
    if (result.status >= 400) res.type('application/problem+json');
    res.json(result.body);
  });

  r.get('/orders', requireUser, async (req, res) => {
    res.set('Cache-Control', 'no-store').json({ items: await orders.list(userOf(req).userId) });
  });

  return r;
}
