// OpenAPI: /api/auth (register, login, refresh, logout, me).
import { authResponseSchema, loginSchema, refreshSchema, registerSchema, userSchema } from '@gpu/shared';
import { bearerSecurity, json, jsonBody, problems, type OpenAPIRegistry } from '../../http/openapi-common.js';

export const UserDoc = userSchema.meta({ id: 'User' });
const AuthResponse = authResponseSchema.extend({ user: UserDoc }).meta({ id: 'AuthResponse' });
const RefreshRequest = refreshSchema.meta({ id: 'RefreshRequest' });
const RegisterRequest = registerSchema.meta({ id: 'RegisterRequest' });
const LoginRequest = loginSchema.meta({ id: 'LoginRequest' });

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
      'Unknown email and wrong password give the same 401. Throttled per account (5 failures / 15 min) and per IP; 429 carries `Retry-After`.',
    request: { body: jsonBody(LoginRequest) },
    responses: { 200: json(AuthResponse, 'Signed in'), ...problems(400, 401, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/refresh',
    tags,
    summary: 'Rotate a refresh token',
    description:
      'Returns a new access/refresh pair; the presented refresh token stops working. Presenting an already-rotated token revokes its whole family (401).',
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
    method: 'get',
    path: '/api/auth/me',
    tags,
    summary: 'The signed-in user',
    security: bearerSecurity,
    responses: { 200: json(UserDoc, 'Current user'), ...problems(401) },
  });
}
