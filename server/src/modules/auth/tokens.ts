// Access tokens: short-lived HS256 JWTs (jose) with iss/aud/exp checked and the algorithm
// pinned, so `alg: none` or a different algorithm is refused. Guest tokens are JWTs from the
// same key with their own audience and `typ`: a guest token is never accepted as a user token
// (nor the reverse), and a client cannot make one up.
import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Role } from '@gpu/shared';
import { unauthorized } from '../../platform/errors.js';
import type { GuestActor, UserActor } from './actor.js';

export const TOKEN_ISSUER = 'gpu-assistant';
export const TOKEN_AUDIENCE = 'gpu-assistant:api';
export const GUEST_TOKEN_AUDIENCE = 'gpu-assistant:guest';
const GUEST_TYP = 'guest+jwt';
const ALG = 'HS256';

export interface TokenServiceOptions {
  /** Unset outside production: a random per-process secret (tokens die with the process). */
  secret: string | undefined;
  accessTtlS: number;
  /** Guest token lifetime (default 7 days). */
  guestTtlS?: number;
  now?: () => number;
}

export class TokenService {
  private readonly key: Uint8Array;
  readonly accessTtlS: number;
  readonly guestTtlS: number;
  private readonly now: () => number;

  constructor(opts: TokenServiceOptions) {
    this.key = new TextEncoder().encode(opts.secret ?? randomBytes(48).toString('base64url'));
    this.accessTtlS = opts.accessTtlS;
    this.guestTtlS = opts.guestTtlS ?? 7 * 24 * 3600;
    this.now = opts.now ?? (() => Date.now());
  }

  /** A keyed digest (base64url) for other server-made secrets, e.g. refresh-token successors. */
  mac(purpose: string, data: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${data}`).digest('base64url');
  }

  async signGuest(guestId: string): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: ALG, typ: GUEST_TYP })
      .setSubject(guestId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(GUEST_TOKEN_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.guestTtlS)
      .sign(this.key);
  }

  /** Verifies a guest token; throws a 401 AppError for anything invalid or expired (a user token included). */
  async verifyGuest(token: string): Promise<GuestActor> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        issuer: TOKEN_ISSUER,
        audience: GUEST_TOKEN_AUDIENCE,
        typ: GUEST_TYP,
        currentDate: new Date(this.now()),
      });
      if (protectedHeader.typ !== GUEST_TYP || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
        throw unauthorized('Invalid guest token');
      }
      return { kind: 'guest', guestId: payload.sub, tokenExp: payload.exp };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('Guest token expired');
      if (err instanceof joseErrors.JOSEError) throw unauthorized('Invalid guest token');
      throw err;
    }
  }

  async signAccess(user: { id: string; role: Role }): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.accessTtlS)
      .sign(this.key);
  }

  /** Verifies an access token; throws a 401 AppError for anything invalid or expired. */
  async verifyAccess(token: string): Promise<UserActor> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        currentDate: new Date(this.now()),
      });
      const role = payload['role'];
      if (
        typeof payload.sub !== 'string' ||
        (role !== 'shopper' && role !== 'admin') ||
        typeof payload.exp !== 'number'
      ) {
        throw unauthorized('Invalid access token');
      }
      return { kind: 'user', userId: payload.sub, role, tokenExp: payload.exp };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('Access token expired');
      if (err instanceof joseErrors.JOSEError) throw unauthorized('Invalid access token');
      throw err;
    }
  }
}
