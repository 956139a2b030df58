// The thumbnail Lambda handler with the server's real generator (sharp) and an in-memory store,
// plus the esbuild bundle the lambda-thumbnail Docker target ships.
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail, thumbnailKeyFor } from '../../server/src/modules/media/thumbnail.js';
import {
  createHandler,
  decodeS3Key,
  s3ObjectStore,
  type ObjectStore,
  type S3Event,
} from '../lambda/thumbnail/handler.js';

const gpuId = '3f1c2a4e-8b7d-4c1e-9a2b-1c2d3e4f5a6b';
const imageId = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

class MemoryStore implements ObjectStore {
  readonly objects = new Map<string, Buffer>();
  readonly puts: { key: string; source: string }[] = [];
  async get(bucket: string, key: string): Promise<Buffer> {
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw new Error(`NoSuchKey ${key}`);
    return body;
  }
  async put(bucket: string, key: string, body: Buffer, source: string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, body);
    this.puts.push({ key, source });
  }
}

function event(...keys: string[]): S3Event {
  return {
    Records: keys.map((key) => ({
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'images' }, object: { key, size: 1000 } },
    })),
  };
}

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();
}

const quiet = () => undefined;

describe('thumbnail Lambda handler', () => {
  it('decodes S3 event keys (+ is a space, %XX escapes)', () => {
    expect(decodeS3Key('original/a/my+photo%281%29.png')).toBe('original/a/my photo(1).png');
  });

  it('writes a 320 px WebP to thumbnails/<gpuId>/<uuid>.webp for an original', async () => {
    const store = new MemoryStore();
    const original = `original/${gpuId}/${imageId}.png`;
    store.objects.set(`images/${original}`, await png(1280, 960));
    const handler = createHandler({ store, makeThumbnail, thumbnailKeyFor, log: quiet });

    const result = await handler(event(original));

    const target = `thumbnails/${gpuId}/${imageId}.webp`;
    expect(result.processed).toEqual([
      expect.objectContaining({ bucket: 'images', source: original, thumbnail: target }),
    ]);
    expect(store.puts).toEqual([{ key: target, source: original }]);
    const meta = await sharp(store.objects.get(`images/${target}`)!).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(320);
    expect(meta.height).toBe(240);
  });

  it('ignores keys outside original/ (its own thumbnails never loop) and malformed keys', async () => {
    const store = new MemoryStore();
    const handler = createHandler({ store, makeThumbnail, thumbnailKeyFor, log: quiet });
    const result = await handler(
      event(`thumbnails/${gpuId}/${imageId}.webp`, 'uploads/x.png', 'original/not-a-uuid/x.png'),
    );
    expect(result.processed).toEqual([]);
    expect(result.skipped.map((s) => s.key)).toEqual([
      `thumbnails/${gpuId}/${imageId}.webp`,
      'uploads/x.png',
      'original/not-a-uuid/x.png',
    ]);
    expect(store.puts).toEqual([]);
  });

  it('throws (so Lambda retries) when a record fails, after processing the others', async () => {
    const store = new MemoryStore();
    const good = `original/${gpuId}/${imageId}.png`;
    const missing = `original/${gpuId}/00000000-0000-4000-8000-000000000000.png`;
    store.objects.set(`images/${good}`, await png(400, 400));
    const handler = createHandler({ store, makeThumbnail, thumbnailKeyFor, log: quiet });
    await expect(handler(event(missing, good))).rejects.toThrow(/1 thumbnail\(s\) failed/);
    expect(store.puts.map((p) => p.source)).toEqual([good]);
  });

  it('skips originals above the size limit without reading them', async () => {
    const store = new MemoryStore();
    const handler = createHandler({ store, makeThumbnail, thumbnailKeyFor, maxSourceBytes: 10, log: quiet });
    const result = await handler(event(`original/${gpuId}/${imageId}.png`));
    expect(result.skipped[0]?.reason).toMatch(/larger than 10 bytes/);
  });

  it('the S3 store sends GetObject for the original and PutObject with ContentType image/webp', async () => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        if (command instanceof GetObjectCommand) {
          return { Body: { transformToByteArray: async () => new Uint8Array([1, 2, 3]) } };
        }
        return {};
      },
    } as unknown as Pick<S3Client, 'send'>;
    const store = s3ObjectStore(client);
    expect(await store.get('images', 'original/a.png')).toEqual(Buffer.from([1, 2, 3]));
    await store.put('images', 'thumbnails/a.webp', Buffer.from([9]), 'original/a.png');
    const [get, put] = sent;
    expect(get).toBeInstanceOf(GetObjectCommand);
    expect((get as GetObjectCommand).input).toMatchObject({ Bucket: 'images', Key: 'original/a.png' });
    expect(put).toBeInstanceOf(PutObjectCommand);
    expect((put as PutObjectCommand).input).toMatchObject({
      Bucket: 'images',
      Key: 'thumbnails/a.webp',
      ContentType: 'image/webp',
    });
  });

  it('bundles with esbuild as the Docker target does, and the bundle runs', async () => {
    const { build } = await import('esbuild');
    const outdir = fileURLToPath(new URL('../lambda/thumbnail/dist/', import.meta.url));
    mkdirSync(outdir, { recursive: true });
    const outfile = `${outdir}index.test.mjs`;
    // Same flags as infra/lambda/thumbnail/package.json "build".
    const res = await build({
      entryPoints: [fileURLToPath(new URL('../lambda/thumbnail/handler.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      outfile,
      external: ['sharp', '@aws-sdk/*'],
      logLevel: 'silent',
    });
    expect(res.errors).toEqual([]);
    const bundle = (await import(/* @vite-ignore */ `${pathToFileURL(outfile).href}?t=${Date.now()}`)) as {
      handler: unknown;
      createHandler: typeof createHandler;
    };
    expect(typeof bundle.handler).toBe('function');
    const store = new MemoryStore();
    const original = `original/${gpuId}/${imageId}.png`;
    store.objects.set(`images/${original}`, await png(640, 320));
    const result = await bundle.createHandler({ store, makeThumbnail, thumbnailKeyFor, log: quiet })(event(original));
    expect(result.processed).toHaveLength(1);
  });
});
