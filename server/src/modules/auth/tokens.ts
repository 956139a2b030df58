// Access tokens: short-lived HS256 JWTs (jose) with iss/aud/exp checked and the algorithm
// pinned, so `alg: none` or a different algorithm is refused.
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Role } from '@gpu/shared';
import { unauthorized } from '../../platform/errors.js';
import type { UserActor } from './actor.js';

export const TOKEN_ISSUER = 'gpu-assistant';
export const TOKEN_AUDIENCE = 'gpu-assistant:api';
const ALG = 'HS256';

export interface TokenServiceOptions {
  /** Unset outside production: a random per-process secret (tokens die with the process). */
  secret: string | undefined;
  accessTtlS: number;
  now?: () => number;
}

export class TokenService {
  private readonly key: Uint8Array;
  readonly accessTtlS: number;
  private readonly now: () => number;

  constructor(opts: TokenServiceOptions) {
    this.key = new TextEncoder().encode(opts.secret ?? randomBytes(48).toString('base64url'));
    this.accessTtlS = opts.accessTtlS;
    this.now = opts.now ?? (() => Date.now());
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
