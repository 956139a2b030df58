// What the cluster primary and its workers (WORKERS > 1) tell each other, besides what the
// libraries carry (@socket.io/sticky's connections, prom-client's metrics): a worker's
// "ready", and, in the environment a worker is forked with, what it needs to start.
export const CHANNEL = 'gpu-assistant:cluster';

export interface WorkerReady {
  channel: typeof CHANNEL;
  kind: 'ready';
}

export const isReady = (msg: unknown): msg is WorkerReady =>
  typeof msg === 'object' && msg !== null && (msg as { channel?: unknown }).channel === CHANNEL;

/** The environment variable carrying the primary's embedded PGlite server to its workers. */
export const EMBEDDED_ENV = 'GPU_CLUSTER_EMBEDDED_DB';

export interface EmbeddedDbInfo {
  socketDir: string;
  port: number;
  poolMax: number;
}
