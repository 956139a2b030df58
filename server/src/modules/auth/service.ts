// Accounts and sessions: register, login, refresh (rotation with reuse detection), logout, me.
// Plain TypeScript: callers pass the client IP; no HTTP types here.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthResponse, LoginInput, RegisterInput, User } from '@gpu/shared';
import { badRequest, conflict, unauthorized } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { authEvents } from '../../platform/metrics.js';
import type { LoginThrottle } from './login-throttle.js';
import { passwordWeakness } from './password-policy.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import type { RefreshTokenStore } from './refresh-tokens.js';
import type { TokenService } from './tokens.js';
import { findUserByEmail, findUserById, insertUserIfNew, toApiUser } from './user-repository.js';

export interface AuthServiceDeps {
  em: () => EntityManager;
  tokens: TokenService;
  refreshTokens: RefreshTokenStore;
  throttle: LoginThrottle;
  logger: Logger;
}

const badCredentials = () => unauthorized('Invalid email or password');

export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async register(input: RegisterInput, ip: string | undefined): Promise<AuthResponse> {
    await this.deps.throttle.beginRegistration(ip);
    const weakness = passwordWeakness(input.password, input.email);
    if (weakness) throw badRequest('Password is too weak', [{ path: 'password', message: weakness }]);
    const hash = await hashPassword(input.password);
    const result = await this.deps.em().transactional(async (tx) => {
      // Role is always the default (shopper): the schema strips any `role` the client sent.
      const user = await insertUserIfNew(tx, { email: input.email, passwordHash: hash, name: input.name ?? null });
      if (!user) return null;
      return { user, refreshToken: await this.deps.refreshTokens.issue(tx, user.id) };
    });
    if (!result) {
      authEvents.inc({ event: 'register', outcome: 'duplicate' });
      throw conflict('An account with this email already exists');
    }
    authEvents.inc({ event: 'register', outcome: 'ok' });
    return this.respond(result.user, result.refreshToken);
  }

  async login(input: LoginInput, ip: string | undefined): Promise<AuthResponse> {
    await this.deps.throttle.beginLogin(input.email, ip);
    const em = this.deps.em();
    const row = await findUserByEmail(em, input.email);
    // Unknown email: verify against a real hash anyway, so timing does not reveal accounts.
    const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!row || !ok) {
      await this.deps.throttle.loginFailed(input.email);
      authEvents.inc({ event: 'login', outcome: 'failed' });
      throw badCredentials();
    }
    await this.deps.throttle.loginSucceeded(input.email, ip);
    authEvents.inc({ event: 'login', outcome: 'ok' });
    return this.respond(toApiUser(row), await this.deps.refreshTokens.issue(em, row.id));
  }

  async refresh(refreshToken: string): Promise<AuthResponse> {
    const em = this.deps.em();
    const result = await this.deps.refreshTokens.rotate(em, refreshToken);
    authEvents.inc({ event: 'refresh', outcome: result.outcome });
    if (result.outcome !== 'rotated' && result.outcome !== 'grace') {
      if (result.outcome === 'reused') {
        this.deps.logger.warn('refresh token reuse detected; token family revoked');
      }
      throw unauthorized(
        result.outcome === 'expired' ? 'Refresh token expired' : 'Refresh token is invalid or was revoked',
      );
    }
    const user = await this.findUser(em, result.userId);
    if (!user) throw unauthorized('Refresh token is invalid or was revoked');
    return this.respond(user, result.token);
  }

  async logout(refreshToken: string): Promise<void> {
    const revoked = await this.deps.refreshTokens.revokeFamilyOf(this.deps.em(), refreshToken);
    authEvents.inc({ event: 'logout', outcome: revoked ? 'ok' : 'unknown' });
  }

  async me(userId: string): Promise<User> {
    const user = await this.findUser(this.deps.em(), userId);
    // A valid token for a deleted account: the session is over.
    if (!user) throw unauthorized('Account no longer exists');
    return user;
  }

  private async findUser(em: EntityManager, id: string): Promise<User | null> {
    const row = await findUserById(em, id);
    return row ? toApiUser(row) : null;
  }

  private async respond(user: User, refreshToken: string): Promise<AuthResponse> {
    return {
      user,
      accessToken: await this.deps.tokens.signAccess(user),
      refreshToken,
      expiresIn: this.deps.tokens.accessTtlS,
    };
  }
}
