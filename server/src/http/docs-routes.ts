// GET /openapi.json and GET /docs (Swagger UI from the installed swagger-ui-dist: no CDN).
// The docs page gets its own strict CSP: scripts and styles from this origin only.
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const docsCsp = [
  "default-src 'self'",
  "script-src 'self'",
  // Swagger UI sets inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>GPU store assistant API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

/** `document` builds the OpenAPI document (assembled at the composition root, src/openapi.ts); built once, on first use. */
export function docsRoutes(opts: { document: () => object }): Router {
  const r = Router();
  let doc: object | undefined;
  r.get('/openapi.json', (_req, res) => {
    doc ??= opts.document();
    res.set('Cache-Control', 'no-cache').json(doc);
  });
  r.get('/docs', (_req, res) => {
    res.set('Content-Security-Policy', docsCsp).type('html').send(page);
  });
  r.get('/docs/init.js', (_req, res) => {
    res.set('Content-Security-Policy', docsCsp).type('application/javascript').send(init);
  });
  r.use(
    '/docs',
    (_req, res, next) => {
      res.set('Content-Security-Policy', docsCsp);
      next();
    },
    express.static(swaggerDir, { index: false, maxAge: '1d', fallthrough: true }),
  );
  return r;
}
