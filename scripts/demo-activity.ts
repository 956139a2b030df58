// Demo activity: a few shoppers who chat with the assistant and buy, so the admin dashboard's
// charts, feeds and stock levels visibly move. Bounded by time; stops by itself.
//
//   npx tsx --conditions=source scripts/demo-activity.ts [--url http://localhost:3000]
//       [--minutes 2] [--every-ms 1500] [--shoppers 3]
//
// Every tick one shopper either asks a question (POST /api/v1/ask-ai, which records the
// chat, the answer, its time to first token and any out-of-stock matches) or buys one or two
// in-stock cards (cart + checkout with an Idempotency-Key). With ADMIN_EMAIL/ADMIN_PASSWORD
// set, sold-out cards are restocked now and then. Shoppers are registered on first use
// (demo-<random>@example.com). Only a loopback URL is accepted unless --allow-remote is given.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Gpu, GpuList } from '@gpu/shared';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DEMO_URL ?? 'http://localhost:3000' },
    minutes: { type: 'string', default: '2' },
    'every-ms': { type: 'string', default: '1500' },
    shoppers: { type: 'string', default: '3' },
    'allow-remote': { type: 'boolean', default: false },
  },
});
const base = args.url.replace(/\/$/, '');
const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(base).hostname);
if (!loopback && !args['allow-remote']) {
  console.error(`refusing ${base}: not a loopback address (pass --allow-remote to aim at another server)`);
  process.exit(2);
}
const endAt = Date.now() + Number(args.minutes) * 60_000;
const everyMs = Math.max(200, Number(args['every-ms']));

const questions = [
  'GPU para 4K gaming bajo $1000',
  'best card for 1440p under $600',
  'tarjeta con 16 GB de VRAM para IA',
  'cheapest NVIDIA card with 12GB',
  'algo para streaming con poco consumo',
  'RTX 4090',
  'Radeon para 1080p bajo 300 dólares',
  'what fits a mini-ITX case?',
  'Intel Arc para edición de video',
  'most powerful card you have',
];

interface Shopper {
  email: string;
  token: string;
}
const counts = { chats: 0, orders: 0, restocks: 0, refused: 0 };
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call<T>(
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    retryAfter: Number(res.headers.get('retry-after') ?? 0),
    body: (text ? JSON.parse(text) : null) as T,
  };
}

async function register(): Promise<Shopper> {
  const email = `demo-${randomUUID().slice(0, 8)}@example.com`;
  const res = await call<{ accessToken: string }>('/api/auth/register', {
    body: { email, password: `Demo-${randomUUID()}`, name: 'Demo shopper' },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, token: res.body.accessToken };
}

async function inStock(): Promise<Gpu[]> {
  const res = await call<GpuList>('/api/gpus?pageSize=100&sort=price');
  return res.body.items.filter((g) => g.stock > 0);
}

async function chat(s: Shopper): Promise<void> {
  const res = await call('/api/v1/ask-ai', { body: { message: pick(questions) }, token: s.token });
  if (res.status === 200) counts.chats += 1;
  else await refused('ask-ai', res.status, res.retryAfter);
}

async function buy(s: Shopper): Promise<void> {
  const cards = await inStock();
  if (cards.length === 0) return;
  for (const g of [pick(cards), ...(Math.random() < 0.3 ? [pick(cards)] : [])]) {
    await call('/api/cart/items', { body: { gpuId: g.id, quantity: 1 }, token: s.token });
  }
  const res = await call('/api/cart/checkout', {
    body: {},
    token: s.token,
    headers: { 'idempotency-key': randomUUID() },
  });
  if (res.status === 201) counts.orders += 1;
  else {
    // A line sold out meanwhile (409): empty the cart and go on.
    const cart = await call<{ items: { gpuId: string }[] }>('/api/cart', { token: s.token });
    for (const line of cart.body?.items ?? []) {
      await call(`/api/cart/items/${line.gpuId}`, { method: 'DELETE', token: s.token });
    }
    if (res.status !== 409) await refused('checkout', res.status, res.retryAfter);
  }
}

async function restock(adminToken: string): Promise<void> {
  const res = await call<GpuList>('/api/gpus?pageSize=100&sort=price', { token: adminToken });
  const out = res.body.items.filter((g) => g.stock === 0);
  if (out.length === 0) return;
  const g = pick(out);
  const patched = await call(`/api/gpus/${g.id}`, {
    method: 'PATCH',
    body: { stock: 5 + Math.floor(Math.random() * 10) },
    token: adminToken,
  });
  if (patched.status === 200) counts.restocks += 1;
}

async function refused(what: string, status: number, retryAfterS: number): Promise<void> {
  counts.refused += 1;
  console.warn(`${what}: ${status}${retryAfterS ? `, retrying after ${retryAfterS} s` : ''}`);
  if (retryAfterS) await sleep(Math.min(retryAfterS, 30) * 1000);
}

async function main(): Promise<void> {
  const shoppers: Shopper[] = [];
  for (let i = 0; i < Math.max(1, Number(args.shoppers)); i++) shoppers.push(await register());
  let adminToken: string | undefined;
  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
    const login = await call<{ accessToken: string }>('/api/auth/login', {
      body: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD },
    });
    adminToken = login.status === 200 ? login.body.accessToken : undefined;
  }
  console.log(
    `demo activity on ${base} for ${args.minutes} min, a step every ${everyMs} ms, ${shoppers.length} shoppers`,
  );
  let tick = 0;
  let signedInAt = Date.now();
  while (Date.now() < endAt) {
    // Access tokens live 15 minutes: long runs sign the shoppers up again.
    if (Date.now() - signedInAt > 10 * 60_000) {
      for (let i = 0; i < shoppers.length; i++) shoppers[i] = await register();
      signedInAt = Date.now();
    }
    const s = pick(shoppers);
    if (adminToken && tick % 10 === 9) await restock(adminToken);
    else if (Math.random() < 0.55) await chat(s);
    else await buy(s);
    tick += 1;
    if (tick % 10 === 0) console.log(JSON.stringify(counts));
    await sleep(everyMs * (0.5 + Math.random()));
  }
  console.log(`done: ${JSON.stringify(counts)}`);
}

await main();
