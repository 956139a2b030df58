// Serves the built SvelteKit app (adapter-node's handler) on the same port as the API.
// When the client has not been built (API-only development), `/` explains how to build it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import type { Logger } from '../platform/logger.js';

const defaultClientDir = fileURLToPath(new URL('../../../client/build', import.meta.url));

export async function loadClientHandler(clientDir: string | undefined, logger: Logger): Promise<RequestHandler> {
  const dir = path.resolve(clientDir ?? defaultClientDir);
  const handlerFile = path.join(dir, 'handler.js');
  if (!existsSync(handlerFile)) {
    logger.warn({ dir }, 'client build not found; serving the API only (run `npm run build`)');
    return (req, res, next) => {
      if (req.method !== 'GET' || req.path !== '/') return next();
      res.type('text/plain').send('GPU assistant API is running. Build the web app with `npm run build`.');
    };
  }
  const mod = (await import(pathToFileURL(handlerFile).href)) as { handler: RequestHandler };
  logger.info({ dir }, 'serving web client');
  return mod.handler;
}
