// Request ids, structured request logs and the HTTP latency histogram.
//
// Per-request cost matters here (docs/performance.md): this replaces pino-http, which built a
// child logger, serializers and several listeners for every request even when the line it
// would write is below the log level (2xx answers log at debug). Now a request gets its id
// and one `close` listener; the child logger exists only when something logs (requestLog).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../platform/logger.js';
import { httpDuration } from '../platform/metrics.js';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id (X-Request-Id in and out). */
    id?: string;
  }
}

// Kept off the request object: an accessor property per request changes the shape of every
// IncomingMessage the process handles.
const loggers = new WeakMap<IncomingMessage, { base: Logger; child?: Logger }>();

/** A logger bound to this request (id, method, url), created on first use. */
export function requestLog(req: IncomingMessage & { originalUrl?: string }): Logger | undefined {
  const entry = loggers.get(req);
  if (!entry) return undefined;
  return (entry.child ??= entry.base.child({
    req: { id: req.id, method: req.method, url: req.originalUrl ?? req.url },
  }));
}

const validRequestId = /^[\w.-]{1,100}$/;
// Probes and scrapes would drown everything else.
const unlogged = new Set(['/healthz', '/readyz', '/metrics']);

export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && validRequestId.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    req.id = id;
    loggers.set(req, { base: logger });
    if (!unlogged.has(req.url)) {
      const started = performance.now();
      res.once('close', () => {
        const aborted = !res.writableFinished;
        const status = res.statusCode;
        const level = status >= 500 ? 'error' : aborted ? 'warn' : status >= 400 ? 'info' : 'debug';
        if (!logger.isLevelEnabled(level)) return;
        requestLog(req)![level](
          { res: { statusCode: status }, responseTime: Math.round(performance.now() - started) },
          aborted ? 'request aborted' : 'request completed',
        );
      });
    }
    next();
  };
}

/** Labels by route template (`/api/gpus/:id`), never by raw path, to keep cardinality bounded. */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const end = httpDuration.startTimer();
  res.once('finish', () => {
    const route = req.route?.path
      ? `${req.baseUrl}${String(req.route.path)}`
      : res.statusCode === 404
        ? 'unmatched'
        : req.baseUrl || 'static';
    end({ method: req.method, route, status_code: String(res.statusCode) });
  });
  next();
};
