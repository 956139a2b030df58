// Who is asking over REST: the signed-in user (bearer token), a guest (guest token, or a bare
// X-Guest-Id the auth middleware accepted and counted), or an anonymous caller keyed by IP,
// who gets a stable guest id derived from the address so limits and history still apply.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { Actor } from '../auth/actor.js';

/** A UUID (version 8, "custom") derived from the caller's IP. */
export function anonymousGuestId(ip: string): string {
  const h = createHash('sha256').update(`anonymous-ip:${ip}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function restActor(req: Request): Actor {
  if (req.actor) return req.actor;
  if (req.guest) return req.guest;
  return { kind: 'guest', guestId: anonymousGuestId(req.ip ?? 'unknown'), ...(req.ip ? { ip: req.ip } : {}) };
}
