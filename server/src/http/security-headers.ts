// Helmet's headers, computed once. With a fixed configuration (no CSP nonce here) helmet sets
// the same headers on every response, yet runs a chain of small middlewares per request to
// do it. This runs helmet once against a recording response at start-up and then copies the
// recorded headers: the same bytes on the wire, one loop per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export function precomputedHeaders(middleware: Middleware): RequestHandler {
  const headers: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
    getHeader: () => undefined,
  };
  let synchronous = false;
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (err) => {
    if (err) throw err;
    synchronous = true;
  });
  if (!synchronous) throw new Error('precomputedHeaders: the middleware did not finish synchronously');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
