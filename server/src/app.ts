// The application factory: Express + Socket.IO on one http.Server, built from injected
// platform and services, so tests start the whole product on a random port.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import helmet from 'helmet';
import compression from 'compression';
import type { Platform } from './context.js';
import type { Services } from './services.js';
import { cors } from './http/cors.js';
import { compileTrust } from './http/client-ip.js';
import { hstsOverHttps } from './http/hsts.js';
import { precomputedHeaders } from './http/security-headers.js';
import { metricsExposure, metricsRoutes } from './http/metrics-routes.js';
import { startMetricsServer, type MetricsServer } from './http/metrics-server.js';
import { originPolicy } from './http/origin.js';
import { rejectControlCharacters } from './http/text-hygiene.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { httpMetrics, requestLogging } from './http/observability.js';
import { loadClientHandler } from './http/client-app.js';
import { healthRoutes } from './modules/health/routes.js';
import { authenticate } from './modules/auth/middleware.js';
import { authRoutes } from './modules/auth/routes.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { mediaRoutes } from './modules/media/routes.js';
import { docsRoutes } from './http/docs-routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { createRealtime } from './realtime/io.js';
import { assistantSocketEvents } from './modules/assistant/socket.js';
import { inventorySocketEvents } from './modules/inventory/socket.js';
import { cartRoutes } from './modules/cart/routes.js';
import { ordersRoutes } from './modules/orders/routes.js';
import { assistantRoutes } from './modules/assistant/routes.js';
import { insightsRoutes } from './modules/assistant/insights/routes.js';
import { adminSeriesRoutes } from './modules/admin-series/routes.js';
import { conversationRoutes } from './modules/conversations/routes.js';
import type { IoServer } from './realtime/types.js';

export const JSON_BODY_LIMIT = '100kb';

export interface Application {
  app: Express;
  http: HttpServer;
  io: IoServer;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Stop accepting, drain in-flight requests and sockets; resolves when closed. */
  close(): Promise<void>;
}

export async function createApplication(
  p: Platform,
  s: Services,
  opts: { serveClient?: boolean } = {},
): Promise<Application> {
  const app = express();
  app.disable('x-powered-by');
  app.set(
    'trust proxy',
    p.config.TRUST_PROXY === 'true' ? true : p.config.TRUST_PROXY === 'false' ? false : p.config.TRUST_PROXY,
  );
  app.set('query parser', 'simple');

  app.use(requestLogging(p.logger));
  app.use(httpMetrics);
  // HSTS only when the request came over HTTPS (hsts.ts), never on plain HTTP.
  app.use(
    precomputedHeaders(
      helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, strictTransportSecurity: false }),
    ),
  );
  app.use(hstsOverHttps);
  // Server-sent events must not be buffered by compression.
  const compress = compression({
    filter: (req, res) =>
      !String(res.getHeader('Content-Type') ?? '').includes('text/event-stream') && compression.filter(req, res),
  });
  // A client that accepts no encoding gets none: skip compression's per-response wrapping.
  app.use((req, res, next) => (req.headers['accept-encoding'] ? compress(req, res, next) : next()));
  app.use(cors(originPolicy(p.config.ALLOWED_ORIGINS, compileTrust(p.config.TRUST_PROXY))));
  app.use(express.json({ limit: JSON_BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(rejectControlCharacters);

  const exposure = metricsExposure(p.config);
  app.use(metricsRoutes(exposure));
  app.use(healthRoutes(s.health));
  app.use(authenticate(s.tokens, s.guests));
  // Feature routers (modules/*/routes.ts), one line each:
  // -- auth, catalog, media, docs --
  app.use(
    authRoutes(s.auth, s.guests),
    catalogRoutes(s.catalog),
    mediaRoutes(s.media),
    docsRoutes({ document: () => buildOpenApiDocument({ version: p.version }) }),
  );
  // -- cart, orders --
  app.use('/api', cartRoutes(s.cart), ordersRoutes(s.orders));
  // -- assistant, conversations --
  app.use(assistantRoutes(s.assistant), conversationRoutes(s.conversations), insightsRoutes(s.insights));
  app.use(adminSeriesRoutes(s.series));
  app.use('/api', notFoundHandler);

  if (opts.serveClient !== false) app.use(await loadClientHandler(p.config.CLIENT_DIR, p.logger));
  app.use(notFoundHandler);
  app.use(errorHandler);

  const http = createServer(app);
  http.keepAliveTimeout = 65_000; // above common load-balancer idle timeouts
  http.headersTimeout = 66_000;
  // Each capability registers its own shopper events.
  const realtime = createRealtime(http, p, s, [inventorySocketEvents, assistantSocketEvents]);
  const io = realtime.io;
  let metricsServer: MetricsServer | undefined;

  return {
    app,
    http,
    io,
    async listen(port = p.config.PORT, host = p.config.HOST) {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve(http.address() as AddressInfo));
      });
      if (exposure.on === 'metrics-port') metricsServer = await startMetricsServer(p.config.METRICS_PORT!, host);
      return address;
    },
    async close() {
      // 1. Stop accepting connections; requests in flight (a checkout) run to completion.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      // A keep-alive connection that finishes its request during shutdown would otherwise stay
      // open until keepAliveTimeout; close connections as soon as they go idle.
      const idleSweep = setInterval(() => http.closeIdleConnections(), 100);
      try {
        // 2. Spread socket disconnects over ~2 s: clients reconnect to other instances.
        await realtime.drain();
        // 3. Stop the gateway and the adapter (io.close() also closes the http server).
        await realtime.close();
        await httpClosed;
      } finally {
        clearInterval(idleSweep);
        await metricsServer?.close();
      }
    },
  };
}
