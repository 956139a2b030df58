// Cart routes (CONTRACT.md): signed-in users only. Each write answers with the whole cart,
// the same shape as GET /api/cart and the `cart:update` socket event.
import { Router } from 'express';
import { addCartItemSchema, gpuIdParam, setCartItemSchema } from '@gpu/shared';
import { parseBody, parseParams } from '../../http/validate.js';
import { requireUser, userOf } from '../auth/middleware.js';
import type { CartService } from './service.js';

export function cartRoutes(cart: CartService): Router {
  const r = Router();
  r.use('/cart', requireUser);

  r.get('/cart', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await cart.get(userOf(req).userId));
  });

  r.post('/cart/items', async (req, res) => {
    const input = parseBody(addCartItemSchema, req);
    res.json(await cart.add(userOf(req).userId, input));
  });

  r.patch('/cart/items/:gpuId', async (req, res) => {
    const { gpuId } = parseParams(gpuIdParam, req);
    const { quantity } = parseBody(setCartItemSchema, req);
    res.json(await cart.set(userOf(req).userId, gpuId, quantity));
  });

  r.delete('/cart/items/:gpuId', async (req, res) => {
    const { gpuId } = parseParams(gpuIdParam, req);
    res.json(await cart.remove(userOf(req).userId, gpuId));
  });

  return r;
}
