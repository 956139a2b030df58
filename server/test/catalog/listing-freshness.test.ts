// A listing that misses the response cache reads which rows, in what order, from the database
// and reuses each product's JSON only while its row is the version it was made from. These
// suites change rows behind the service's back (plain SQL, no bus event, as a migration or a
// checkout on an instance that lost Redis would) and read listings under new cache keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu, GpuList } from '@gpu/shared';
import { catalogProductJson } from '../../src/platform/metrics.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { appSql } from '../support/sql.js';
import { api } from '../support/http.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const sql = appSql(() => app);

/** A new cache key every call (`maxPrice` a cent higher), the same products in the page. */
let bump = 0;
async function listing(query: string): Promise<GpuList> {
  bump++;
  const res = await api<GpuList>(app.url, `/api/gpus?${query}&maxPrice=${100000 + bump / 100}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function productJsonCount(result: 'kept' | 'built'): Promise<number> {
  const { values } = await catalogProductJson.get();
  return values.find((v) => v.labels.result === result)?.value ?? 0;
}

describe('listing freshness', () => {
  it('every listed product is the same JSON as its own GET, in both languages', async () => {
    for (const lang of ['es', 'en']) {
      const page = await listing(`brand=AMD&sort=price&pageSize=30&lang=${lang}`);
      expect(page.items.length).toBeGreaterThan(5);
      for (const item of page.items) {
        const one = await api<Gpu>(app.url, `/api/gpus/${item.id}?lang=${lang}`);
        expect(item).toEqual(one.body);
      }
    }
  });

  it('a row changed behind the service shows its new values on the next read; the rest are reused', async () => {
    const before = await listing('brand=NVIDIA&sort=price&pageSize=10');
    const target = before.items[3]!;
    const kept = await productJsonCount('kept');
    const built = await productJsonCount('built');

    await sql(`update gpus set stock = ?, name = ?, description_es = ? where id = ?`, [
      target.stock + 7,
      `${target.name} (rev. B)`,
      'Texto nuevo',
      target.id,
    ]);
    const after = await listing('brand=NVIDIA&sort=price&pageSize=10');
    const changed = after.items.find((g) => g.id === target.id)!;
    expect(changed).toMatchObject({
      stock: target.stock + 7,
      name: `${target.name} (rev. B)`,
      description: 'Texto nuevo',
    });
    // Only the changed row was serialized again: nine kept, one built.
    expect((await productJsonCount('kept')) - kept).toBe(9);
    expect((await productJsonCount('built')) - built).toBe(1);
    // Everything else is what it was.
    expect(after.items.filter((g) => g.id !== target.id)).toEqual(before.items.filter((g) => g.id !== target.id));
  });

  it('a row updated to the very same values is still read again (any update is a new version)', async () => {
    const first = await listing('brand=Intel&sort=price&pageSize=5');
    const built = await productJsonCount('built');
    await sql(`update gpus set stock = stock where id = ?`, [first.items[0]!.id]);
    const second = await listing('brand=Intel&sort=price&pageSize=5');
    expect((await productJsonCount('built')) - built).toBe(1);
    expect(second.items).toEqual(first.items);
  });

  it('a product deactivated behind the service leaves the page and the total', async () => {
    const before = await listing('brand=Intel&sort=-price&pageSize=50');
    const gone = before.items[0]!;
    await sql(`update gpus set is_active = false where id = ?`, [gone.id]);
    try {
      const after = await listing('brand=Intel&sort=-price&pageSize=50');
      expect(after.total).toBe(before.total - 1);
      expect(after.items.map((g) => g.id)).toEqual(before.items.slice(1).map((g) => g.id));
    } finally {
      await sql(`update gpus set is_active = true where id = ?`, [gone.id]);
    }
  });
});
