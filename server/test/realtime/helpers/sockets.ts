// socket.io-client helpers for suites: connect (or fail to), wait for an event, collect
// events, poll a condition. Typed with the shared event maps.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  AdminServerToClientEvents,
  ClientToServerEvents,
  InventorySnapshotEvent,
  ServerToClientEvents,
  StatsEvent,
} from '@gpu/shared';

export type ShopperClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export type AdminClient = Socket<AdminServerToClientEvents, Record<string, never>>;

export interface ClientOptions {
  token?: string;
  guestId?: string;
  auth?: Record<string, unknown>;
  transports?: ('websocket' | 'polling')[];
  extraHeaders?: Record<string, string>;
  reconnection?: boolean;
}

function options(o: ClientOptions): Partial<ManagerOptions & SocketOptions> {
  return {
    auth: o.auth ?? (o.token ? { token: o.token } : o.guestId ? { guestId: o.guestId } : {}),
    transports: o.transports ?? ['websocket'],
    reconnection: o.reconnection ?? false,
    forceNew: true,
    timeout: 10_000,
    ...(o.extraHeaders ? { extraHeaders: o.extraHeaders } : {}),
  };
}

const open = new Set<Socket>();

function connect<S extends Socket>(socket: S): Promise<S> {
  open.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export const connectShopper = (url: string, o: ClientOptions = {}): Promise<ShopperClient> =>
  connect(io(url, options(o)) as ShopperClient);

export const connectAdmin = (url: string, o: ClientOptions = {}): Promise<AdminClient> =>
  connect(io(`${url}/admin`, options(o)) as AdminClient);

/**
 * Connects to /admin with listeners for the on-connect `inventory:snapshot` and `stats`
 * attached before the handshake completes, so neither can slip past.
 */
export async function connectAdminFeed(
  url: string,
  token: string,
): Promise<{ socket: AdminClient; snapshot: Promise<InventorySnapshotEvent>; stats: Promise<StatsEvent> }> {
  const socket = io(`${url}/admin`, options({ token })) as AdminClient;
  const snapshot = nextEvent<InventorySnapshotEvent>(socket, 'inventory:snapshot');
  const stats = nextEvent<StatsEvent>(socket, 'stats');
  await connect(socket);
  return { socket, snapshot, stats };
}

/** The connect_error message of a refused connection (fails the test if it connects). */
export async function refusal(url: string, o: ClientOptions = {}, namespace = ''): Promise<string> {
  const socket = io(`${url}${namespace}`, options(o));
  open.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('connected, but a refusal was expected'));
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

/** Resolves with the next `event` payload that satisfies `match`. */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Every `event` payload received from now on. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export function emitWithAck<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Polls until `check` is true (no timing assertion: the timeout only bounds a hang). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  stepMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export function closeAllClients(): void {
  for (const s of open) s.close();
  open.clear();
}
