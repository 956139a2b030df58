// Socket authentication in the handshake: an access token, or a guest id (UUID). Anything
// else is refused with connect_error "unauthorized".
import { z } from 'zod';
import type { ExtendedError } from 'socket.io';
import type { TokenService } from '../modules/auth/tokens.js';
import type { Actor } from '../modules/auth/actor.js';
import { socketRejections } from '../platform/metrics.js';

const authSchema = z.union([
  z.object({ token: z.string().min(1).max(4096) }),
  z.object({ guestId: z.string().uuid() }),
]);

export function unauthorizedError(): ExtendedError {
  const err = new Error('unauthorized') as ExtendedError;
  err.data = { code: 'unauthorized' };
  return err;
}

export async function actorFromHandshake(tokens: TokenService, auth: unknown): Promise<Actor> {
  const parsed = authSchema.safeParse(auth);
  if (!parsed.success) throw unauthorizedError();
  if ('token' in parsed.data) {
    try {
      return await tokens.verifyAccess(parsed.data.token);
    } catch {
      socketRejections.inc({ reason: 'bad_token' });
      throw unauthorizedError();
    }
  }
  return { kind: 'guest', guestId: parsed.data.guestId };
}
