// /api/auth: register, login, refresh, logout, guest, me. Parse, call the service, answer.
import { Router } from 'express';
import { guestRequestSchema, loginSchema, refreshSchema, registerSchema } from '@gpu/shared';
import { parseBody } from '../../http/validate.js';
import { requireUser, userOf } from './middleware.js';
import type { AuthService } from './service.js';
import type { GuestService } from './guest-service.js';

export function authRoutes(auth: AuthService, guests: GuestService): Router {
  const r = Router();
  // Token responses must never be stored by a browser or proxy cache.
  r.use('/api/auth', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  r.post('/api/auth/register', async (req, res) => {
    res.status(201).json(await auth.register(parseBody(registerSchema, req), req.ip));
  });
  r.post('/api/auth/login', async (req, res) => {
    res.json(await auth.login(parseBody(loginSchema, req), req.ip));
  });
  r.post('/api/auth/refresh', async (req, res) => {
    res.json(await auth.refresh(parseBody(refreshSchema, req).refreshToken));
  });
  r.post('/api/auth/logout', async (req, res) => {
    await auth.logout(parseBody(refreshSchema, req).refreshToken);
    res.status(204).end();
  });
  r.post('/api/auth/guest', async (req, res) => {
    const { guestId } = parseBody(guestRequestSchema, req);
    res.status(201).json(await guests.issue(req.ip, guestId));
  });
  r.get('/api/auth/me', requireUser, async (req, res) => {
    res.json(await auth.me(userOf(req).userId));
  });
  return r;
}
