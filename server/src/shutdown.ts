// Graceful stop on SIGTERM/SIGINT, shared by the single process, cluster workers and the
// cluster primary: run `stop` once, exit 0 when it succeeds, 1 when it fails or overruns
// SHUTDOWN_TIMEOUT_MS.
import type { Logger } from './platform/logger.js';

export interface ShutdownOptions {
  logger: Logger;
  timeoutMs: number;
  /** Resolves with the exit code (default 0). */
  stop(): Promise<number | void>;
}

/** Installs the signal handlers; returns the trigger for other reasons (e.g. primary gone). */
export function onShutdownSignals(opts: ShutdownOptions): (reason: string) => void {
  const { logger } = opts;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, opts.timeoutMs);
    deadline.unref();
    try {
      const code = (await opts.stop()) ?? 0;
      logger.info('shutdown complete');
      clearTimeout(deadline);
      process.exit(code);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return (reason) => void shutdown(reason);
}
