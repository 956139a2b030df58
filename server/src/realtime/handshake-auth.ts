// Socket authentication in the handshake: an access token, a server-issued guest token, or a
// bare guest id (a hint the guest service accepts for a known guest, or counts as a new one).
// A bad credential is refused with connect_error "unauthorized"; a guest over its address's
// allowance with "rate_limited" (`data.retryAfterS` says when to come back).
import { z } from 'zod';
import type { ExtendedError } from 'socket.io';
import type { TokenService } from '../modules/auth/tokens.js';
import type { Actor } from '../modules/auth/actor.js';
import type { GuestService } from '../modules/auth/guest-service.js';
import { AppError } from '../platform/errors.js';
import { socketRejections } from '../platform/metrics.js';

const authSchema = z.union([
  z.object({ token: z.string().min(1).max(4096) }),
  z.object({ guestToken: z.string().min(1).max(4096) }),
  z.object({ guestId: z.string().uuid() }),
]);

export interface HandshakeAuthDeps {
  tokens: TokenService;
  guests: GuestService;
}

export function unauthorizedError(): ExtendedError {
  const err = new Error('unauthorized') as ExtendedError;
  err.data = { code: 'unauthorized' };
  return err;
}

export function rateLimitedError(retryAfterS: number): ExtendedError {
  const err = new Error('rate_limited') as ExtendedError;
  err.data = { code: 'rate_limited', retryAfterS };
  return err;
}

/** The connect_error to send for whatever actorFromHandshake threw. */
export function handshakeError(err: unknown): ExtendedError {
  if (err instanceof AppError && err.code === 'rate_limited') {
    socketRejections.inc({ reason: 'rate_limit' });
    return rateLimitedError(Number(err.headers?.['Retry-After'] ?? 1));
  }
  return unauthorizedError();
}

export async function actorFromHandshake(deps: HandshakeAuthDeps, auth: unknown, ip?: string): Promise<Actor> {
  const parsed = authSchema.safeParse(auth);
  if (!parsed.success) throw unauthorizedError();
  const creds = parsed.data;
  if ('token' in creds || 'guestToken' in creds) {
    try {
      return 'token' in creds
        ? await deps.tokens.verifyAccess(creds.token)
        : await deps.guests.fromToken(creds.guestToken, ip);
    } catch {
      socketRejections.inc({ reason: 'bad_token' });
      throw unauthorizedError();
    }
  }
  return deps.guests.fromBareId(creds.guestId, ip);
}
