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
