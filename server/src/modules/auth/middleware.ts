// HTTP authentication: `Authorization: Bearer <access token>` into req.actor, or a guest into
// req.guest (`Authorization: Guest <guest token>`, or a bare `X-Guest-Id` the guest service
// accepts and counts); and guards routes by role. Every admin route uses requireAdmin.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { badRequest, forbidden, unauthorized } from '../../platform/errors.js';
import type { GuestActor, UserActor } from './actor.js';
import type { GuestService } from './guest-service.js';
import type { TokenService } from './tokens.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` when a valid access token is presented. */
    actor?: UserActor;
    /** Set by `authenticate` for a guest token or an accepted X-Guest-Id (never with `actor`). */
    guest?: GuestActor;
  }
}

type Credentials = { kind: 'bearer' | 'guest'; token: string } | undefined;

function credentials(req: Request): Credentials {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const [scheme, token, extra] = h.split(' ');
  const kind = scheme?.toLowerCase();
  if ((kind !== 'bearer' && kind !== 'guest') || !token || extra !== undefined) {
    throw unauthorized('Authorization header must be "Bearer <token>" or "Guest <guestToken>"');
  }
  return { kind, token };
}

const guestIdHeader = z.string().uuid();

/** Parses the credentials when present; present but invalid ones are a 401 (never silently anonymous). */
export function authenticate(tokens: TokenService, guests: GuestService): RequestHandler {
  const resolve = async (req: Request): Promise<void> => {
    const creds = credentials(req);
    if (creds?.kind === 'bearer') {
      req.actor = await tokens.verifyAccess(creds.token);
      return;
    }
    if (creds?.kind === 'guest') {
      req.guest = await guests.fromToken(creds.token, req.ip);
      return;
    }
    const header = req.get('x-guest-id');
    if (header === undefined) return;
    const parsed = guestIdHeader.safeParse(header);
    if (!parsed.success) {
      throw badRequest('X-Guest-Id must be a UUID', [{ path: 'X-Guest-Id', message: 'must be a UUID' }]);
    }
    req.guest = await guests.fromBareId(parsed.data, req.ip);
  };
  return (req: Request, _res: Response, next: NextFunction) => {
    resolve(req).then(() => next(), next);
  };
}

export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.actor ? undefined : unauthorized());
};

export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.actor) next(unauthorized());
  else if (req.actor.role !== 'admin') next(forbidden('Admin role required'));
  else next();
};

/** The signed-in user; use only after requireUser or requireAdmin. */
export function userOf(req: Request): UserActor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}
