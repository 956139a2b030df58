// Retrieval and the offline grounded responder on the seeded catalog (no LLM key): every
// product sent satisfies the question's hard constraints in both languages; an impossible
// budget falls back to the nearest options, flagged; the offline answer speaks the
// shopper's language, names only products it sent, at their exact prices, and uses the
// compatibility checker for power supply and case questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { OFFLINE_MODEL } from '../../src/modules/assistant/planner/offline-planner.js';
import { connectChat, ok, recordChat, sendChat, stopChat, type ChatSocket } from './chat-client.js';

let app: TestApp;
let socket: ChatSocket;
let chat: ReturnType<typeof recordChat>;

beforeAll(async () => {
  app = await startTestApp();
  socket = await connectChat(app.url);
  chat = recordChat(socket);
});
afterAll(async () => {
  socket?.disconnect();
  await app?.close();
});

/** Sends a question and returns the products; stops the answer early unless `full`. */
async function ask(message: string, full = false) {
  const ack = ok(await sendChat(socket, { message }));
  const products = await chat.products(ack.messageId);
  if (!full) await stopChat(socket, ack.messageId);
  const done = await chat.done(ack.messageId);
  return { ...products, done, text: chat.text(ack.messageId), messageId: ack.messageId };
}

const hard: [string, (p: Gpu) => boolean][] = [
  ['GPU para 4K gaming bajo $1000', (p) => p.price <= 1000],
  ['best card for local LLMs with 16GB+', (p) => p.vramGb >= 16],
  ['una nvidia para jugar en 1440p, hasta 700 dólares', (p) => p.brand === 'NVIDIA' && p.price <= 700],
  ['Radeon card under $500 with at least 12GB', (p) => p.brand === 'AMD' && p.price <= 500 && p.vramGb >= 12],
  ['intel arc barata, menos de 250 dólares', (p) => p.brand === 'Intel' && p.price <= 250],
  ['anything but nvidia, 16GB, under $800', (p) => p.brand !== 'NVIDIA' && p.vramGb >= 16 && p.price <= 800],
  ['entre 300 y 500 dólares para streaming', (p) => p.price >= 300 && p.price <= 500],
  ['tarjeta en stock por menos de 400 dólares', (p) => p.stock > 0 && p.price <= 400],
  ['AMD or Intel with 16 GB of VRAM for video editing', (p) => p.brand !== 'NVIDIA' && p.vramGb >= 16],
];

describe('retrieval on the seeded catalog', () => {
  it.each(hard)('"%s": every product sent satisfies the hard constraints', async (message, satisfies) => {
    const r = await ask(message);
    expect(r.products.length).toBeGreaterThan(0);
    for (const p of r.products) expect(satisfies(p), `${p.name} $${p.price} ${p.vramGb}GB ${p.brand}`).toBe(true);
    expect(r.notes?.overBudget).toBe(false);
  });

  it('a budget below every product falls back to the nearest options, flagged as over budget', async () => {
    const r = await ask('something under $50', true);
    expect(r.notes).toEqual({ overBudget: true, budget: 50 });
    expect(r.products.length).toBeGreaterThan(0);
    for (const p of r.products) expect(p.price).toBeGreaterThan(50);
    expect(r.text).toContain('Nothing in our catalog fits a budget of $50');
    expect(r.done.grounding?.ok).toBe(true);
  });

  it('the fallback keeps the other hard constraints (Spanish)', async () => {
    const r = await ask('algo con 24GB por menos de 100 dólares', true);
    expect(r.notes).toEqual({ overBudget: true, budget: 100 });
    for (const p of r.products) expect(p.vramGb).toBeGreaterThanOrEqual(24);
    expect(r.text).toContain('todas por encima de tu presupuesto');
  });

  it('a 4K buyer with a budget sees the strongest in-stock cards it buys, not mid-range ones', async () => {
    const { products } = await ask('GPU para 4K gaming bajo $1000');
    // The catalog's strongest in-stock 16 GB+ cards under $1000, straight from SQL.
    const best = await app.platform.db.orm.em.fork().execute<{ price_cents: string }[]>(
      `select price_cents::text from gpus where is_active and stock > 0 and vram_gb >= 16 and price_cents <= 100000
         order by price_cents desc limit 1`,
    );
    const top = products[0]!;
    expect(top.price).toBeGreaterThanOrEqual(Number(best[0]!.price_cents) / 100 - 150);
    expect(top.vramGb).toBeGreaterThanOrEqual(16);
    expect(products.every((p) => p.price <= 1000)).toBe(true);
  });

  it('a named model is always among the products', async () => {
    const r = await ask('is the 4070 super good for 1440p?');
    expect(r.products.some((p) => /RTX 4070 SUPER/.test(p.name))).toBe(true);
  });
});

/** Dollar amounts quoted in a text. */
const prices = (text: string) =>
  [...text.matchAll(/\$(\d[\d,]*(?:\.\d{2})?)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));

describe('the offline grounded responder', () => {
  it('answers in English, naming only the products it sent, at their exact prices', async () => {
    const r = await ask('best GPU for 1440p gaming under $700', true);
    expect(r.done).toMatchObject({ finishReason: 'stop', provider: 'offline', model: OFFLINE_MODEL });
    expect(r.text).toMatch(/^Here are my picks for 1440p gaming under \$700/);
    const named = r.products.filter((p) => r.text.includes(p.name));
    expect(named.length).toBeGreaterThan(0);
    for (const amount of prices(r.text)) expect([700, ...r.products.map((p) => p.price)]).toContain(amount);
    for (const p of named) expect(r.text).toContain(`**${p.name}**: $${p.price.toFixed(2)}`);
    expect(r.done.grounding).toEqual({ ok: true, unknownProducts: [], priceMismatches: [] });
    expect(r.done.usage.completionTokens).toBeGreaterThan(0);
  });

  it('answers in Spanish to a Spanish question', async () => {
    const r = await ask('¿Qué tarjeta me recomiendas para edición de video con 16GB?', true);
    expect(r.text).toMatch(/^Estas son mis recomendaciones para edición de video con al menos 16 GB de VRAM/);
    expect(r.text).toContain('Precios y stock en vivo');
    expect(r.text).not.toMatch(/Here are|Prices and stock/);
    expect(r.done.grounding?.ok).toBe(true);
  });

  it('uses the compatibility checker for power supply questions', async () => {
    const r = await ask('¿me sirve una RX 7800 XT con una fuente de 550W?', true);
    const card = r.products.find((p) => /RX 7800 XT/.test(p.name))!;
    expect(card).toBeDefined();
    // 263 W board power + 250 W for the rest of the system fits 550 W, below the 700 W recommended.
    expect(r.text).toContain(`**${card.name}**`);
    expect(r.text).toContain('Con tu fuente de 550 W: va justa');
    expect(r.text).toContain('se recomiendan 700 W');
    expect(r.done.grounding?.ok).toBe(true);
  });

  it('checks case clearance and power connectors in English', async () => {
    const r = await ask('does an RTX 4090 fit a 300mm case with a 850w psu?', true);
    expect(r.text).toMatch(/too long for your 300 mm case|fits your 300 mm case/);
    expect(r.text).toMatch(/16-pin \((12VHPWR|12V-2x6)\); use a native 16-pin cable/);
  });
});
