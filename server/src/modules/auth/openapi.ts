// OpenAPI: /api/auth (register, login, refresh, logout, me).
import {
  authResponseSchema,
  guestRequestSchema,
  guestSessionSchema,
  loginSchema,
  refreshSchema,
  registerSchema,
  userSchema,
} from '@gpu/shared';
import { bearerSecurity, json, jsonBody, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

export const UserDoc = userSchema.meta({ id: 'User' });
const AuthResponse = authResponseSchema.extend({ user: UserDoc }).meta({ id: 'AuthResponse' });
const RefreshRequest = refreshSchema.meta({ id: 'RefreshRequest' });
const RegisterRequest = registerSchema.meta({ id: 'RegisterRequest' });
const LoginRequest = loginSchema.meta({ id: 'LoginRequest' });
const GuestRequest = guestRequestSchema.meta({ id: 'GuestRequest' });
const GuestSession = guestSessionSchema.meta({ id: 'GuestSession' });

export function registerAuthOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['auth'];

  registry.registerPath({
    method: 'post',
    path: '/api/auth/register',
    tags,
    summary: 'Create a shopper account',
    description:
      'Password: 8 to 128 characters, not one of the most common passwords, not the email. Unknown fields (such as `role`) are ignored. Rate limited per IP.',
    request: { body: jsonBody(RegisterRequest) },
    responses: {
      201: json(AuthResponse, 'Account created; signed in'),
      ...problems(400, 409, 413, 429),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    tags,
    summary: 'Sign in',
    description:
      'Unknown email and wrong password give the same 401. Throttled per (account, IP) (5 failures / 15 min block that pair), per IP (50 failures), and per account from any address by a progressive slowdown (attempts 1 to 60 s apart past 10 failures); 429 carries `Retry-After`.',
    request: { body: jsonBody(LoginRequest) },
    responses: { 200: json(AuthResponse, 'Signed in'), ...problems(400, 401, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/refresh',
    tags,
    summary: 'Rotate a refresh token',
    description:
      'Returns a new access/refresh pair; the presented refresh token stops working. Presenting the token just rotated again within `REFRESH_REUSE_GRACE_S` seconds returns the same (unused) successor; any other reuse of a rotated token revokes its whole family (401).',
    request: { body: jsonBody(RefreshRequest) },
    responses: { 200: json(AuthResponse, 'New token pair'), ...problems(400, 401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/logout',
    tags,
    summary: 'Sign out: revoke the refresh token family',
    request: { body: jsonBody(RefreshRequest) },
    responses: { 204: { description: 'Revoked (also for an unknown token)' }, ...problems(400) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/guest',
    tags,
    summary: 'Start (or resume) a guest session',
    description:
      'A signed, expiring guest token for sockets (`{ auth: { guestToken } }`) and REST (`Authorization: Guest <guestToken>`). `guestId` (optional) names a guest this browser was before: a known one is resumed with its history, an unknown one is ignored. Limited per IP (new guests per hour); 429 carries `Retry-After`.',
    request: { body: { content: { 'application/json': { schema: GuestRequest } }, required: false } },
    responses: { 201: json(GuestSession, 'Guest session'), ...problems(400, 429) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/me',
    tags,
    summary: 'The signed-in user',
    security: bearerSecurity,
    responses: { 200: json(UserDoc, 'Current user'), ...problems(401) },
  });
}
