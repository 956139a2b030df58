// /openapi.json is a structurally valid OpenAPI 3.1 document (every path has operations with
// responses, path parameters declared, every $ref resolves, security schemes defined) and it
// documents every REST route the app mounts and every CONTRACT.md route the app serves.
// /docs serves Swagger UI from the installed package, under a strict CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';

type Json = Record<string, unknown>;
interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Json>>;
  components: Json & { securitySchemes?: Record<string, Json> };
}

/** REST routes of CONTRACT.md (OpenAPI path syntax). */
const contractRoutes = [
  'GET /healthz',
  'GET /readyz',
  'GET /health',
  'GET /metrics',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'GET /api/auth/me',
  'GET /api/gpus',
  'GET /api/gpus/{id}',
  'POST /api/gpus',
  'PUT /api/gpus/{id}',
  'PATCH /api/gpus/{id}',
  'DELETE /api/gpus/{id}',
  'GET /api/cart',
  'POST /api/cart/items',
  'PATCH /api/cart/items/{gpuId}',
  'DELETE /api/cart/items/{gpuId}',
  'POST /api/cart/checkout',
  'GET /api/orders',
  'POST /api/images/upload',
  'GET /api/conversations',
  'GET /api/conversations/{id}',
  'POST /api/v1/ask-ai',
];
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
/** Not REST: Swagger UI's own static assets. */
const undocumented = (path: string) => path.startsWith('/docs/');

interface RouterLayer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
}

/** Express 5: "METHOD /path" for every route, following mounted routers and their prefixes. */
function mountedRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          const path = `${prefix}${String(p)}`.replace(/\/\*(\w+)/g, '/{$1}').replace(/:(\w+)/g, '{$1}');
          for (const [m, on] of Object.entries(layer.route.methods))
            if (on && m !== '_all') out.push(`${m.toUpperCase()} ${path}`);
        }
      } else if (layer.handle.stack) {
        const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + raw);
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return [...new Set(out)];
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}
function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, refs));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') refs.push(v);
      else collectRefs(v, refs);
    }
  }
  return refs;
}

let app: TestApp;
let doc: Doc;
beforeAll(async () => {
  app = await startTestApp();
  const res = await api<Doc>(app.url, '/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  doc = res.body;
});
afterAll(async () => {
  await app?.close();
});

const documented = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((k) => methods.includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with info', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBe(app.platform.version);
  });

  it('every path has operations, every operation has described responses and declared path params', () => {
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      const ops = Object.entries(item).filter(([k]) => methods.includes(k));
      expect(ops.length, path).toBeGreaterThan(0);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of ops) {
        const where = `${method.toUpperCase()} ${path}`;
        const responses = op['responses'] as Record<string, Json>;
        expect(Object.keys(responses ?? {}).length, where).toBeGreaterThan(0);
        for (const [status, r] of Object.entries(responses)) {
          expect(status, where).toMatch(/^([1-5]\d\d|default)$/);
          const resolved = (r['$ref'] ? resolvePointer(doc, r['$ref'] as string) : r) as Json;
          expect(typeof resolved?.['description'], `${where} ${status}`).toBe('string');
          if (/^4\d\d$/.test(status) && resolved['content']) {
            expect(Object.keys(resolved['content'] as Json), `${where} ${status}`).toContain(
              'application/problem+json',
            );
          }
        }
        const params = ((op['parameters'] as Json[]) ?? []).map(
          (p) => (p['$ref'] ? resolvePointer(doc, p['$ref'] as string) : p) as Json,
        );
        for (const name of templated) {
          const p = params.find((x) => x['in'] === 'path' && x['name'] === name);
          expect(p, `${where}: path parameter ${name}`).toBeDefined();
          expect(p!['required']).toBe(true);
        }
        for (const p of params) expect(['path', 'query', 'header', 'cookie']).toContain(p['in']);
        if (op['operationId']) {
          expect(operationIds.has(op['operationId'] as string), `${where} operationId`).toBe(false);
          operationIds.add(op['operationId'] as string);
        }
        for (const requirement of (op['security'] as Json[]) ?? []) {
          for (const scheme of Object.keys(requirement))
            expect(doc.components.securitySchemes?.[scheme], scheme).toBeDefined();
        }
      }
    }
  });

  it('every $ref resolves', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) expect(resolvePointer(doc, ref), ref).toBeDefined();
  });

  it('documents bearer JWT security, problem+json errors and the shared shapes', () => {
    expect(doc.components.securitySchemes?.['bearerAuth']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    const schemas = doc.components['schemas'] as Record<string, Json>;
    for (const name of [
      'Problem',
      'Gpu',
      'GpuList',
      'GpuCreate',
      'GpuUpdate',
      'User',
      'AuthResponse',
      'UploadResponse',
    ]) {
      expect(schemas[name], name).toBeDefined();
    }
    expect(doc.paths['/api/gpus']!['post']!['security']).toEqual([{ bearerAuth: [] }]);
    const gpuCreate = schemas['GpuCreate']!;
    expect(gpuCreate['additionalProperties']).toBe(false); // strict: unknown fields rejected
    // Generated from the same schema that validates: the pageSize limit is there.
    const params = doc.paths['/api/gpus']!['get']!['parameters'] as Json[];
    const pageSize = params.find((p) => p['name'] === 'pageSize') as { schema: Json };
    expect(pageSize.schema['maximum']).toBe(100);
    // Checkout documents its Idempotency-Key header (when the cart module is in the document).
    const checkout = doc.paths['/api/cart/checkout']?.['post'];
    if (checkout) {
      const headers = (checkout['parameters'] as Json[]).filter((p) => p['in'] === 'header').map((p) => p['name']);
      expect(headers).toContain('Idempotency-Key');
    }
  });

  it('documents product text in two languages and the typed performance figures', () => {
    const schemas = doc.components['schemas'] as Record<string, Json>;
    const gpu = schemas['Gpu'] as { properties: Record<string, Json>; required: string[] };
    expect(gpu.required).toEqual(expect.arrayContaining(['description', 'descriptions']));
    const descriptions = gpu.properties['descriptions'] as { properties: Record<string, Json>; required: string[] };
    expect(Object.keys(descriptions.properties).sort()).toEqual(['en', 'es']);
    expect(descriptions.required.sort()).toEqual(['en', 'es']);
    const specs = gpu.properties['specs'] as { properties: Record<string, Json> };
    expect(specs.properties['perfIndex']).toMatchObject({ type: 'number' });
    expect(specs.properties['aiTops']).toMatchObject({ type: 'number' });
    for (const path of ['/api/gpus', '/api/gpus/{id}']) {
      const op = doc.paths[path]!['get']!;
      const params = op['parameters'] as Json[];
      const lang = params.find((p) => p['name'] === 'lang' && p['in'] === 'query') as { schema: Json } | undefined;
      expect(lang?.schema['enum'], path).toEqual(['es', 'en']);
      expect(params.some((p) => p['in'] === 'header' && String(p['name']).toLowerCase() === 'accept-language')).toBe(
        true,
      );
      const ok = (op['responses'] as Record<string, { headers?: Record<string, Json> }>)['200']!;
      expect(Object.keys(ok.headers ?? {}), path).toContain('Vary');
    }
    const update = schemas['GpuUpdate'] as { properties: Record<string, Json> };
    expect(Object.keys(update.properties)).toEqual(expect.arrayContaining(['description', 'descriptions']));
  });

  it('lists every route the app mounts', () => {
    const mounted = mountedRoutes(app.application.app).filter((r) => !undocumented(r.split(' ')[1]!));
    expect(mounted).toEqual(expect.arrayContaining(['GET /api/gpus', 'POST /api/auth/login', 'GET /openapi.json']));
    const missing = mounted.filter((r) => !documented().includes(r));
    expect(
      missing,
      'mounted but not in the OpenAPI document: describe them in modules/<x>/openapi.ts and add the registrar to http/openapi.ts',
    ).toEqual([]);
  });

  it('lists every CONTRACT.md route the app serves', async () => {
    const mounted = new Set(mountedRoutes(app.application.app));
    const served = contractRoutes.filter((r) => mounted.has(r));
    // The auth, catalog, images and health routes are here in any case.
    expect(served.length).toBeGreaterThanOrEqual(15);
    expect(served.filter((r) => !documented().includes(r))).toEqual([]);
    // A route missing from the router table would answer "No route for ..."; none of the served ones do.
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      const concrete = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await api(app.url, concrete, { method, ...(method === 'GET' ? {} : { body: {} }) });
      expect(String(res.body?.detail ?? ''), route).not.toMatch(/^No route for/);
    }
  });
});

describe('/docs', () => {
  it('serves Swagger UI from the installed package, pointed at /openapi.json, without any CDN', async () => {
    const page = await fetch(`${app.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const src of [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) {
      const asset = await fetch(app.url + src);
      expect(asset.status, src).toBe(200);
    }
    const init = await (await fetch(`${app.url}/docs/init.js`)).text();
    expect(init).toContain("url: '/openapi.json'");
    const bundle = await fetch(`${app.url}/docs/swagger-ui-bundle.js`);
    expect(bundle.headers.get('content-type')).toContain('javascript');
  });
});
