// Image upload against a real S3 protocol server on loopback (s3rver): the presigned PUT from
// @aws-sdk/s3-request-presigner, the bytes PUT with fetch, the object present, and the
// thumbnail written by the Lambda handler (infra/lambda/thumbnail) invoked with the S3
// ObjectCreated events s3rver emits. Then /api/images/complete attaches the image.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Gpu, UploadResponse } from '@gpu/shared';
import { makeThumbnail, thumbnailKeyFor } from '../../src/modules/media/thumbnail.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';
import { S3RVER_CREDENTIALS, startS3rver, type S3rverHandle } from './s3rver.js';

let s3: S3rverHandle;
let app: TestApp;
let admin: TestUser;
// The Lambda handler lives outside the server's TypeScript project (infra/), so it is loaded at
// run time and typed here by the part of its interface this suite uses.
interface S3Event {
  Records?: { eventName?: string; s3: { bucket: { name: string }; object: { key: string; size?: number } } }[];
}
interface ThumbnailResult {
  processed: { bucket: string; source: string; thumbnail: string; bytes: number }[];
  skipped: { key: string; reason: string }[];
}
interface LambdaModule {
  createHandler(deps: {
    store: unknown;
    makeThumbnail: (input: Buffer) => Promise<Buffer>;
    thumbnailKeyFor: (key: string) => string;
    log?: () => void;
  }): (event: S3Event) => Promise<ThumbnailResult>;
  s3ObjectStore(client: S3Client): unknown;
}
const lambdaPath = fileURLToPath(new URL('../../../infra/lambda/thumbnail/handler.ts', import.meta.url));

/** Lambda runs, keyed by the object key that triggered them. */
const lambdaRuns = new Map<string, Promise<ThumbnailResult>>();

beforeAll(async () => {
  s3 = await startS3rver();
  // The server's S3 client takes credentials from the SDK's default chain, as in production (IRSA).
  process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
  app = await startTestApp({ env: { S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, AWS_REGION: 'us-east-1' } });
  admin = await createUser(app, 'admin');
  // S3 -> Lambda: every ObjectCreated event goes to the real handler, as the bucket notification would.
  const lambda = (await import(pathToFileURL(lambdaPath).href)) as LambdaModule;
  const handler = lambda.createHandler({
    store: lambda.s3ObjectStore(s3.client),
    makeThumbnail,
    thumbnailKeyFor,
    log: () => undefined,
  });
  s3.server.on('event', (event: S3Event) => {
    const key = event.Records?.[0]?.s3.object.key ?? '';
    lambdaRuns.set(key, handler(event));
  });
});
afterAll(async () => {
  await app?.close();
  await s3?.close();
});

const image = (format: 'png' | 'jpeg', width = 900, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 250, g: 180, b: 10 } } })
    .toFormat(format)
    .toBuffer();
const newGpu = () =>
  app.services.catalog.create({
    sku: `S3-${randomUUID().slice(0, 8)}`,
    name: 'S3 Test Card',
    brand: 'AMD',
    vramGb: 16,
    price: 499,
    stock: 2,
    description: '',
    isActive: true,
    specs: {},
  });
async function presign(gpuId: string, contentType: string, extra: Record<string, unknown> = {}) {
  const res = await api<UploadResponse>(app.url, '/api/images/upload', {
    token: admin.token,
    body: { gpuId, contentType, filename: 'card', ...extra },
  });
  expect(res.status).toBe(200);
  return res.body;
}
const head = (key: string) =>
  s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
    (o) => o,
    () => null,
  );
/** Resolves once the Lambda run triggered by `key` has finished. */
async function lambdaFinished(key: string): Promise<ThumbnailResult> {
  for (let i = 0; i < 200 && !lambdaRuns.has(key); i++) await new Promise((r) => setTimeout(r, 10));
  const run = lambdaRuns.get(key);
  expect(run, `no ObjectCreated event for ${key}`).toBeDefined();
  return run!;
}

describe('S3 upload (s3rver)', () => {
  it('presign -> PUT with fetch -> object present -> Lambda thumbnail -> complete', async () => {
    const gpu = await newGpu();
    const up = await presign(gpu.id, 'image/png');
    const url = new URL(up.uploadUrl);
    expect(url.origin).toBe(s3.endpoint);
    expect(url.pathname).toBe(`/${s3.bucket}/${up.key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-type');
    expect([...url.searchParams.keys()].some((k) => k.toLowerCase().startsWith('x-amz-checksum'))).toBe(false);
    // Presigning does not touch the product: the image is attached on completion.
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body.imageUrl).toBeNull();

    const bytes = await image('png');
    const res = await fetch(up.uploadUrl, { method: 'PUT', headers: up.headers, body: bytes });
    expect(res.status).toBe(200);
    const stored = await head(up.key);
    expect(stored?.ContentType).toBe('image/png');
    expect(stored?.ContentLength).toBe(bytes.length);

    const run = await lambdaFinished(up.key);
    expect(run.processed).toEqual([expect.objectContaining({ source: up.key, thumbnail: up.thumbnailKey })]);
    const thumb = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: up.thumbnailKey }));
    expect(thumb.ContentType).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.Body!.transformToByteArray())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 213]);

    const complete = await api(app.url, '/api/images/complete', {
      token: admin.token,
      body: { gpuId: gpu.id, key: up.key },
    });
    expect(complete.status).toBe(200);
    const product = (await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body;
    expect(product.imageUrl).toBe(`${s3.endpoint}/${s3.bucket}/${up.key}`);
    expect(product.thumbnailUrl).toBe(`${s3.endpoint}/${s3.bucket}/${up.thumbnailKey}`);
    const served = await fetch(product.imageUrl!);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('binds the declared length into the signature', async () => {
    const gpu = await newGpu();
    const up = await presign(gpu.id, 'image/jpeg', { contentLength: 1234 });
    const signed = new URL(up.uploadUrl).searchParams.get('X-Amz-SignedHeaders')?.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-type', 'content-length']));
    expect(up.maxBytes).toBe(1234);
  });

  it('refuses a wrong content type: at presign, and on completion (object deleted)', async () => {
    const gpu = await newGpu();
    const gif = await api(app.url, '/api/images/upload', {
      token: admin.token,
      body: { gpuId: gpu.id, contentType: 'image/gif', filename: 'a.gif' },
    });
    expect(gif.status).toBe(400);

    // s3rver does not enforce signed headers (real S3 answers 403), so our completion check must.
    const up = await presign(gpu.id, 'image/png');
    const wrongType = await fetch(up.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/html' },
      body: await image('png'),
    });
    expect(wrongType.status).toBe(200);
    await lambdaFinished(up.key);
    const refused = await api(app.url, '/api/images/complete', {
      token: admin.token,
      body: { gpuId: gpu.id, key: up.key },
    });
    expect(refused.status).toBe(415);
    expect(await head(up.key)).toBeNull();
    expect(await head(up.thumbnailKey)).toBeNull(); // what the Lambda made of it is gone too

    // Right header, wrong bytes.
    const up2 = await presign(gpu.id, 'image/png');
    await fetch(up2.uploadUrl, { method: 'PUT', headers: up2.headers, body: await image('jpeg') });
    const lying = await api(app.url, '/api/images/complete', {
      token: admin.token,
      body: { gpuId: gpu.id, key: up2.key },
    });
    expect(lying.status).toBe(415);
    expect(await head(up2.key)).toBeNull();
    expect((await api<Gpu>(app.url, `/api/gpus/${gpu.id}`)).body.imageUrl).toBeNull();
  });

  it('completion of an object never uploaded is a 404; the local upload endpoint does not exist', async () => {
    const gpu = await newGpu();
    const key = `original/${gpu.id}/${randomUUID()}.png`;
    expect(
      (await api(app.url, '/api/images/complete', { token: admin.token, body: { gpuId: gpu.id, key } })).status,
    ).toBe(404);
    const local = await fetch(`${app.url}/api/uploads/${key}?expires=1&sig=x`, { method: 'PUT', body: 'x' });
    expect(local.status).toBe(404);
  });

  it('holds the seed pictures: every seeded product points into the bucket at objects served as WebP', async () => {
    const list = await api<{ items: Gpu[]; total: number }>(app.url, '/api/gpus?pageSize=100');
    expect(list.body.total).toBeGreaterThan(100);
    const base = `${s3.endpoint.replace(/\/$/, '')}/${s3.bucket}/`;
    for (const g of list.body.items) {
      expect(g.imageUrl?.startsWith(`${base}original/${g.id}/`), g.sku).toBe(true);
      expect(g.thumbnailUrl?.startsWith(`${base}thumbnails/${g.id}/`), g.sku).toBe(true);
    }
    for (const g of list.body.items.slice(0, 10)) {
      for (const url of [g.imageUrl!, g.thumbnailUrl!]) {
        const object = await head(url.slice(base.length));
        expect(object?.ContentType, url).toBe('image/webp');
        expect(object?.ContentLength ?? 0, url).toBeGreaterThan(1000);
      }
    }
  });
});
