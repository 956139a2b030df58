// Seed benchmark: how long seeding a fresh database takes (rows and embeddings, then the
// product pictures: render, thumbnail, store), how big the pictures are, and how the
// picture step scales with the batch size (pictures rendered at once), cold and with the
// process's renders remembered.
//
//   npx tsx --conditions=source scripts/bench/seed.ts
//
// Embedded defaults (PGlite, local file store) unless DATABASE_URL is set; a temporary
// database and uploads folder are created and removed. BENCH_BATCHES (default "1,2,4,8").
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config.js';
import { closePlatform, createPlatform } from '../../server/src/context.js';
import { loadCatalog } from '../../server/src/db/seed/catalog-files.js';
import { seedDemoCatalog } from '../../server/src/seed-demo.js';
import { createObjectStore } from '../../server/src/modules/media/create-object-store.js';
import { forgetRenderedArt } from '../../server/src/modules/media/product-art/render.js';
import { disableRenderCache } from '../../server/src/modules/media/render-cache.js';

// Cold renders must be cold: no reuse of another process's pictures from the disk cache.
disableRenderCache();
import { seedProductImages, SEED_IMAGE_BATCH } from '../../server/src/modules/media/seed-images.js';
import { createLogger } from '../../server/src/platform/logger.js';
import { createTestDatabase } from '../../server/test/support/database.js';

const batches = (process.env.BENCH_BATCHES ?? '1,2,4,8').split(',').map(Number);

function sizes(dir: string): { n: number; avg: number; max: number } {
  if (!statSync(dir, { throwIfNoEntry: false })) return { n: 0, avg: 0, max: 0 };
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  const bytes = files.map((f) => statSync(path.join(f.parentPath, f.name)).size);
  const total = bytes.reduce((a, b) => a + b, 0);
  return { n: bytes.length, avg: Math.round(total / Math.max(1, bytes.length)), max: Math.max(0, ...bytes) };
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const uploads = mkdtempSync(path.join(tmpdir(), 'bench-seed-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    UPLOADS_DIR: uploads,
    SEED_ON_START: 'false',
    ...db.env,
  });
  const platform = await createPlatform(config, createLogger('silent'));
  const store = createObjectStore(config);
  const entries = loadCatalog();
  const em = () => platform.db.orm.em.fork();
  try {
    console.log(
      `seed bench: ${db.url ? 'PostgreSQL' : 'PGlite (embedded)'}, embedder ${platform.embedder.model}, ` +
        `${entries.length} products, ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(1)}, node ${process.version}`,
    );
    const t0 = performance.now();
    const seeded = await seedDemoCatalog(em(), platform.embedder, { store });
    const totalMs = Math.round(performance.now() - t0);
    console.log(
      `fresh seed: ${totalMs} ms in all = rows + embeddings ${totalMs - seeded.imagesMs} ms + ` +
        `pictures ${seeded.imagesMs} ms (${seeded.images} pictures, batch ${SEED_IMAGE_BATCH}, ` +
        `${(seeded.imagesMs / Math.max(1, seeded.images)).toFixed(1)} ms each)`,
    );
    const originals = sizes(path.join(uploads, 'original'));
    const thumbs = sizes(path.join(uploads, 'thumbnails'));
    console.log(`originals (800x600 WebP): ${originals.n} files, avg ${originals.avg} B, max ${originals.max} B`);
    console.log(`thumbnails (320x240 WebP): ${thumbs.n} files, avg ${thumbs.avg} B, max ${thumbs.max} B`);

    const t1 = performance.now();
    const again = await seedDemoCatalog(em(), platform.embedder, { store });
    console.log(`re-seed (nothing missing): ${Math.round(performance.now() - t1)} ms, ${again.images} pictures`);

    // Cold: every picture rendered; warm: this process rendered them before (a test worker
    // seeding its second database), so only the thumbnail and the store writes remain.
    for (const batch of batches) {
      for (const warm of [false, true]) {
        if (!warm) forgetRenderedArt();
        await em().execute(`update gpus set image_key = null, thumbnail_key = null`);
        const r = await seedProductImages(em(), store, entries, batch);
        const each = (r.imagesMs / r.images).toFixed(1);
        console.log(`pictures only, batch ${batch}, ${warm ? 'warm' : 'cold'}: ${r.imagesMs} ms (${each} ms each)`);
      }
    }
  } finally {
    await closePlatform(platform);
    await db.drop();
    rmSync(uploads, { recursive: true, force: true });
  }
}

await main();
