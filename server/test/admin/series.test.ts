// Dashboard time series: GET /api/admin/series (admin only, problem+json on bad input) over
// the rows the product writes (orders, messages, llm_usage, stock_history), in UTC buckets,
// and the live `series:point` feed on /admin.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu, GpuList, Series, SeriesPointEvent } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';
import { closeAllClients, collect, connectAdmin, eventually } from '../realtime/helpers/sockets.js';

let app: TestApp;
let admin: TestUser;
let shopper: TestUser;
const HOUR = 3_600_000;
const sql = <T extends Record<string, unknown>[]>(query: string, params: unknown[] = []) =>
  app.platform.db.orm.em.fork().execute<T>(query, params);
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR);
const hourStart = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR).toISOString();

beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, 'admin');
  shopper = await createUser(app, 'shopper');
});
afterEach(() => closeAllClients());
afterAll(async () => app?.close());

async function series(query: string, token = admin.token) {
  return api<Series>(app.url, `/api/admin/series?${query}`, { token });
}
const at = (s: Series, t: string) => s.points.find((p) => p.t === t)?.v;
// Sums over the whole range, so a check never depends on which hour it runs in.
const sum = (s: Series) => s.points.reduce((n, p) => n + (p.v ?? 0), 0);

async function buy(gpu: Gpu, quantity: number, user = shopper): Promise<number> {
  const add = await api(app.url, '/api/cart/items', { token: user.token, body: { gpuId: gpu.id, quantity } });
  expect(add.status).toBe(200);
  const res = await api<{ order: { total: number } }>(app.url, '/api/cart/checkout', {
    token: user.token,
    body: {},
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  return res.body.order.total;
}
async function inStock(): Promise<Gpu[]> {
  return (await api<GpuList>(app.url, '/api/gpus?pageSize=20&sort=-price&minPrice=100')).body.items.filter(
    (g) => g.stock >= 5,
  );
}

describe('GET /api/admin/series: access and input', () => {
  it('is for admins only', async () => {
    expect((await api(app.url, '/api/admin/series?name=orders')).status).toBe(401);
    expect((await series('name=orders', shopper.token)).status).toBe(403);
  });

  it('answers bad input with 400 problem+json naming the field, and an unknown product with 404', async () => {
    for (const [query, path] of [
      ['name=visits&range=24h', 'name'],
      ['name=orders&range=1y', 'range'],
      ['range=24h', 'name'],
      ['name=stock&range=24h', 'gpuId'],
      ['name=stock&gpuId=not-a-uuid', 'gpuId'],
    ] as const) {
      const res = await series(query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toMatch(/^application\/problem\+json/);
      const body = res.body as unknown as { errors: { path: string }[] };
      expect(
        body.errors.map((e) => e.path),
        query,
      ).toContain(path);
    }
    const missing = await series(`name=stock&gpuId=${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('buckets', () => {
  it('has 24 hourly points for 24h, 168 for 7d and 30 UTC days for 30d, ending with the current bucket', async () => {
    const day = await series('name=orders&range=24h');
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ name: 'orders', range: '24h', bucket: 'hour', unit: 'count' });
    expect(day.body.points).toHaveLength(24);
    expect(day.body.points.at(-1)!.t).toBe(hourStart(new Date()));
    const steps = day.body.points.slice(1).map((p, i) => Date.parse(p.t) - Date.parse(day.body.points[i]!.t));
    expect(new Set(steps)).toEqual(new Set([HOUR]));

    expect((await series('name=orders&range=7d')).body.points).toHaveLength(168);
    const month = await series('name=revenue&range=30d');
    expect(month.body).toMatchObject({ bucket: 'day', unit: 'usd' });
    expect(month.body.points).toHaveLength(30);
    expect(month.body.points.at(-1)!.t).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    // The range defaults to 24h.
    expect((await series('name=chats')).body.range).toBe('24h');
  });
});

describe('orders and revenue', () => {
  it('counts orders and sums revenue per bucket, leaving cancelled ones out', async () => {
    const [a, b] = await inStock();
    const before = sum((await series('name=orders&range=24h')).body);
    const revenueBefore = sum((await series('name=revenue&range=24h')).body);
    const total = (await buy(a!, 2)) + (await buy(b!, 1));
    expect(sum((await series('name=orders&range=24h')).body)).toBe(before + 2);
    expect(sum((await series('name=revenue&range=24h')).body)).toBeCloseTo(revenueBefore + total, 2);

    // Rows from earlier hours land in their own buckets; cancelled orders and the far past do not count.
    const insert = (created: Date, cents: number, status = 'created') =>
      sql(`insert into orders (user_id, status, total_cents, created_at) values (?, ?, ?, ?)`, [
        shopper.id,
        status,
        cents,
        created,
      ]);
    await insert(hoursAgo(3), 12_345);
    await insert(hoursAgo(3), 55_500, 'cancelled');
    await insert(hoursAgo(24 * 40), 99_900);
    const three = hourStart(hoursAgo(3));
    expect(at((await series('name=orders&range=24h')).body, three)).toBe(1);
    expect(at((await series('name=revenue&range=24h')).body, three)).toBe(123.45);
    const month = (await series('name=orders&range=30d')).body.points.reduce((n, p) => n + (p.v ?? 0), 0);
    expect(month).toBe(3);
  });
});

describe('chats, answers, time to first token, out-of-stock asks', () => {
  it('counts shopper messages and finished answers, and reads TTFT percentiles from LLM usage', async () => {
    const chats = sum((await series('name=chats')).body);
    const answers = sum((await series('name=answers')).body);
    const res = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'best card for 1440p under $700' },
      headers: { 'x-guest-id': randomUUID() },
    });
    expect(res.status).toBe(200);
    expect(sum((await series('name=chats')).body)).toBe(chats + 1);
    expect(sum((await series('name=answers')).body)).toBe(answers + 1);
    expect((await series('name=ttft_p95')).body.points.at(-1)!.v).toEqual(expect.any(Number));

    // Ten measured answers two hours ago: 100, 200, ..., 1000 ms.
    for (let ms = 100; ms <= 1000; ms += 100) {
      await sql(
        `insert into llm_usage (provider, model, time_to_first_token_ms, created_at) values ('groq', 'm', ?, ?)`,
        [ms, hoursAgo(2)],
      );
    }
    const two = hourStart(hoursAgo(2));
    expect(at((await series('name=ttft_p50')).body, two)).toBe(550);
    expect(at((await series('name=ttft_p95')).body, two)).toBe(955);
    // No answers in a bucket: no latency, not zero.
    expect(at((await series('name=ttft_p95')).body, hourStart(hoursAgo(20)))).toBeNull();
  });

  it('counts the out-of-stock products named in answers', async () => {
    const [conv] = await sql<{ id: string }[]>(
      `insert into conversations (guest_id, title) values (gen_random_uuid(), 't') returning id`,
    );
    const message = (meta: unknown, created: Date, role = 'assistant', finish: string | null = 'stop') =>
      sql(
        `insert into messages (conversation_id, role, content, finish_reason, meta, created_at) values (?, ?, '', ?, ?::jsonb, ?)`,
        [conv!.id, role, finish, JSON.stringify(meta), created],
      );
    await message({ outOfStockProductIds: [randomUUID(), randomUUID()] }, hoursAgo(5));
    await message({ outOfStockProductIds: [randomUUID()] }, hoursAgo(5));
    await message({ outOfStockProductIds: 'not-a-list' }, hoursAgo(5));
    await message({ outOfStockProductIds: [randomUUID()] }, hoursAgo(5), 'assistant', null); // still running
    const s = await series('name=stockout_asks&range=24h');
    expect(at(s.body, hourStart(hoursAgo(5)))).toBe(3);
  });
});

describe('stock level of a product', () => {
  it('follows every change made through the stock service, carrying the last level forward', async () => {
    const gpu = (await inStock()).at(-1)!;
    const initial = await series(`name=stock&range=24h&gpuId=${gpu.id}`);
    expect(initial.body).toMatchObject({ name: 'stock', unit: 'units', gpuId: gpu.id });
    // Seeded this hour: nothing is known before that.
    expect(initial.body.points.at(-1)!.v).toBe(gpu.stock);
    expect(initial.body.points[0]!.v).toBeNull();

    const patch = (stock: number) =>
      api(app.url, `/api/gpus/${gpu.id}`, { method: 'PATCH', token: admin.token, body: { stock } });
    expect((await patch(9)).status).toBe(200);
    expect((await patch(4)).status).toBe(200);
    await buy(gpu, 1);
    const rows = await sql<{ stock: number }[]>(`select stock from stock_history where gpu_id = ? order by id`, [
      gpu.id,
    ]);
    expect(rows.map((r) => r.stock)).toEqual([gpu.stock, 9, 4, 3]);
    expect((await series(`name=stock&range=24h&gpuId=${gpu.id}`)).body.points.at(-1)!.v).toBe(3);

    // A level recorded six hours ago holds until the next change.
    await sql(`insert into stock_history (gpu_id, stock, at) values (?, 20, ?)`, [gpu.id, hoursAgo(6)]);
    const s = (await series(`name=stock&range=24h&gpuId=${gpu.id}`)).body;
    expect(at(s, hourStart(hoursAgo(7)))).toBeNull();
    expect(at(s, hourStart(hoursAgo(6)))).toBe(20);
    expect(at(s, hourStart(hoursAgo(1)))).toBe(20);
    expect(s.points.at(-1)!.v).toBe(3);
  });

  it('shows a product never recorded at its current level', async () => {
    const gpu = (await inStock())[0]!;
    await sql(`delete from stock_history where gpu_id = ?`, [gpu.id]);
    const s = (await series(`name=stock&range=7d&gpuId=${gpu.id}`)).body;
    expect(s.points).toHaveLength(168);
    expect(new Set(s.points.map((p) => p.v))).toEqual(new Set([gpu.stock]));
  });
});

describe('live points on /admin', () => {
  it('sends the open bucket of orders and revenue when an order is placed, and of chats after a chat', async () => {
    const socket = await connectAdmin(app.url, { token: admin.token });
    const seen = collect<SeriesPointEvent>(socket, 'series:point');
    // What the REST series says now is what the feed must have sent for that bucket.
    const matches = async (name: SeriesPointEvent['name'], range: '24h' | '30d') => {
      const last = (await series(`name=${name}&range=${range}`)).body.points.at(-1)!;
      const bucket = range === '30d' ? 'day' : 'hour';
      return seen.some((e) => e.name === name && e.bucket === bucket && e.point.t === last.t && e.point.v === last.v);
    };
    await buy((await inStock())[1]!, 1);
    await eventually(async () => (await matches('orders', '24h')) && (await matches('revenue', '30d')));

    const chatsBefore = seen.filter((e) => e.name === 'chats').length;
    const res = await api(app.url, '/api/v1/ask-ai', {
      body: { message: 'GPU para 4K bajo 1500 dólares' },
      headers: { 'x-guest-id': randomUUID() },
    });
    expect(res.status).toBe(200);
    await eventually(
      async () => seen.filter((e) => e.name === 'chats').length > chatsBefore && (await matches('chats', '24h')),
    );
  });
});
