import type { Namespace, Server, Socket } from 'socket.io';
import type {
  AdminClientToServerEvents,
  AdminServerToClientEvents,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@gpu/shared';
import type { Actor } from '../modules/auth/actor.js';

export type InterServerEvents = Record<string, never>;
export interface SocketData {
  actor: Actor;
  /** `rate_limited` refusals in a row (realtime/event-dispatch.ts drops a flooding socket). */
  refusedInARow?: number;
  /** This guest socket holds one of its address's open-socket places (given back on disconnect). */
  holdsGuestPlace?: boolean;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ShopperSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AdminNamespace = Namespace<
  AdminClientToServerEvents,
  AdminServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type AdminSocket = Socket<AdminClientToServerEvents, AdminServerToClientEvents, InterServerEvents, SocketData>;

/** Room names: all connections of a user, watchers of a product, admins. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  gpu: (gpuId: string) => `gpu:${gpuId}`,
  admins: 'admins',
} as const;

/**
 * A capability's shopper events: one handler per event, built once and shared by every socket
 * (they parse, call a service, ack), and what to clean up when a socket goes.
 */
export interface SocketModule {
  events: ShopperEventHandlers;
  disconnect?(socket: ShopperSocket): void;
}

/** The shopper events' handlers, each with its event's ack type from the contract. */
export type ShopperEventHandlers = {
  [E in keyof ClientToServerEvents]?: (
    socket: ShopperSocket,
    payload: unknown,
    ack: Parameters<ClientToServerEvents[E]>[1],
  ) => unknown;
};
