// Last-resort handlers. A stray rejected promise is logged and counted instead of killing
// every socket and in-flight checkout of the process; an uncaught exception leaves state
// unknown, so it is logged and the process exits (the orchestrator or primary restarts it).
import type { Logger } from './platform/logger.js';
import { unhandledRejections } from './platform/metrics.js';

export function installProcessGuards(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    unhandledRejections.inc();
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });
}
