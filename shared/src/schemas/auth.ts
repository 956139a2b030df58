import { z } from 'zod';
import { uuid } from './common.js';

export const roles = ['shopper', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

const email = z.string().trim().toLowerCase().email().max(254);
/** Length rules only; the server also refuses the most common passwords. */
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(128, 'at most 128 characters');

/** Registration: unknown fields such as `role` are ignored (stripped), never honoured. */
export const registerSchema = z.object({
  email,
  password: passwordSchema,
  name: z.string().trim().min(1).max(80).optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({ email, password: z.string().min(1).max(1024) });
export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z.object({ refreshToken: z.string().min(20).max(512) });
export type RefreshInput = z.infer<typeof refreshSchema>;

export const userSchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

export const authResponseSchema = z.object({
  user: userSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

/** POST /api/auth/guest: optionally the guest id this browser used before (a hint to resume its history). */
export const guestRequestSchema = z.object({ guestId: uuid.optional() }).strict();
export type GuestRequest = z.infer<typeof guestRequestSchema>;

export const guestSessionSchema = z.object({
  /** Signed and expiring; sockets send `{ auth: { guestToken } }`, REST `Authorization: Guest <guestToken>`. */
  guestToken: z.string(),
  guestId: uuid,
  /** Seconds until the guest token expires. */
  expiresIn: z.number().int(),
});
export type GuestSession = z.infer<typeof guestSessionSchema>;

/** Socket `auth:refresh`: the new access token of the same user; the socket then lives until its expiry. */
export const authRefreshSchema = z.object({ token: z.string().min(1).max(4096) }).strict();
