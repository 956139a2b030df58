// The IPC protocol between the cluster primary and its workers (WORKERS > 1). Every message
// carries `channel` so it never clashes with the other IPC users on the same pipe
// (@socket.io/sticky, @socket.io/cluster-adapter, rate-limiter-flexible).
export const CHANNEL = 'gpu-assistant:cluster';

/** What a worker needs from the primary before it can open its platform. */
export interface WorkerInit {
  /** The primary's embedded PGlite server (no DATABASE_URL): connect over its Unix socket. */
  embedded?: { socketDir: string; port: number; poolMax: number };
  /**
   * Without JWT_SECRET each process would pick its own random key and reject the tokens of
   * its siblings: the primary picks one for all of its workers.
   */
  jwtSecret?: string;
}

export type PrimaryToWorker =
  | { channel: typeof CHANNEL; kind: 'bus'; type: string; payload: unknown }
  | { channel: typeof CHANNEL; kind: 'reply'; id: number; ok: true; value: unknown }
  | { channel: typeof CHANNEL; kind: 'reply'; id: number; ok: false; error: string }
  | { channel: typeof CHANNEL; kind: 'follow-entry'; subId: number; entry: unknown }
  | { channel: typeof CHANNEL; kind: 'follow-end'; subId: number; error?: string };

export type WorkerToPrimary =
  | { channel: typeof CHANNEL; kind: 'ready' }
  | { channel: typeof CHANNEL; kind: 'bus'; type: string; payload: unknown }
  | { channel: typeof CHANNEL; kind: 'call'; id: number; op: string; args: unknown[] }
  | { channel: typeof CHANNEL; kind: 'follow'; subId: number; stream: string; key: string; deadline: number }
  | { channel: typeof CHANNEL; kind: 'unfollow'; subId: number };

type Distribute<T> = T extends unknown ? Omit<T, 'channel'> : never;
export type PrimaryMessage = Distribute<PrimaryToWorker>;
export type WorkerMessage = Distribute<WorkerToPrimary>;

export function isClusterMessage<T extends { channel: string }>(msg: unknown): msg is T {
  return typeof msg === 'object' && msg !== null && (msg as { channel?: unknown }).channel === CHANNEL;
}
