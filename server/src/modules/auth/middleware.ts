// HTTP authentication: reads `Authorization: Bearer <token>` into req.actor, and guards
// routes by role. Every admin route uses requireAdmin.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { forbidden, unauthorized } from '../../platform/errors.js';
import type { UserActor } from './actor.js';
import type { TokenService } from './tokens.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` when a valid access token is presented. */
    actor?: UserActor;
  }
}

function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const [scheme, token] = h.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthorized('Authorization header must be "Bearer <token>"');
  return token;
}

/** Parses the token when present; a present but invalid token is a 401 (never silently anonymous). */
export function authenticate(tokens: TokenService): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    let token: string | undefined;
    try {
      token = bearer(req);
    } catch (err) {
      next(err);
      return;
    }
    if (!token) {
      next();
      return;
    }
    tokens.verifyAccess(token).then(
      (actor) => {
        req.actor = actor;
        next();
      },
      (err: unknown) => next(err),
    );
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
