// Who is making a request or holding a socket: a signed-in user, or a guest who may chat
// but not buy. Services take an Actor, never an HTTP request or a socket.
import type { Role } from '@gpu/shared';

export type UserActor = { kind: 'user'; userId: string; role: Role; tokenExp: number };
export type GuestActor = {
  kind: 'guest';
  guestId: string;
  /** The client address, for the per-IP guest limits (absent in jobs and tests). */
  ip?: string;
  /** Expiry (epoch s) of the guest token it presented; absent for a bare guest id. */
  tokenExp?: number;
};
export type Actor = UserActor | GuestActor;

export const isAdmin = (a: Actor | undefined): boolean => a?.kind === 'user' && a.role === 'admin';

/** A stable key for per-actor limits and ownership ("user:<id>" or "guest:<id>"). */
export const actorKey = (a: Actor): string => (a.kind === 'user' ? `user:${a.userId}` : `guest:${a.guestId}`);
