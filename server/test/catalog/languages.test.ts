// Product text in two languages over REST: `description` follows `?lang`, else
// `Accept-Language`, else Spanish; answers say `Vary: Accept-Language`; the cache keeps the
// languages apart; admin writes set one language or both; full text searches both.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gpu, GpuList, Problem } from '@gpu/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { createUser, type TestUser } from '../support/users.js';

let app: TestApp;
let admin: TestUser;
let seeded: Gpu;
beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, 'admin');
  const list = await api<GpuList>(app.url, '/api/gpus?q=MSI-RTX3060TI-V2X-8G-OCV1');
  seeded = list.body.items.find((g) => g.sku === 'MSI-RTX3060TI-V2X-8G-OCV1')!;
  expect(seeded).toBeDefined();
});
afterAll(async () => app?.close());

const one = (id: string, opts: { query?: string; lang?: string } = {}) =>
  api<Gpu>(app.url, `/api/gpus/${id}${opts.query ?? ''}`, {
    headers: opts.lang ? { 'accept-language': opts.lang } : {},
  });

describe('reading in the shopper language', () => {
  it('answers with both descriptions and the Spanish one by default', async () => {
    const res = await one(seeded.id);
    expect(res.status).toBe(200);
    expect(res.body.descriptions.es).toMatch(/liquidación/);
    expect(res.body.descriptions.en).toMatch(/clearance/);
    expect(res.body.description).toBe(res.body.descriptions.es);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('follows Accept-Language, with q-values and regional tags', async () => {
    expect((await one(seeded.id, { lang: 'en-US,en;q=0.9' })).body.description).toBe(seeded.descriptions.en);
    expect((await one(seeded.id, { lang: 'fr-FR, en;q=0.5, es;q=0.8' })).body.description).toBe(seeded.descriptions.es);
    expect((await one(seeded.id, { lang: 'de-DE' })).body.description).toBe(seeded.descriptions.es);
  });

  it('?lang wins over Accept-Language, and a bad lang is a 400 naming it', async () => {
    expect((await one(seeded.id, { query: '?lang=en', lang: 'es' })).body.description).toBe(seeded.descriptions.en);
    expect((await one(seeded.id, { query: '?lang=es', lang: 'en' })).body.description).toBe(seeded.descriptions.es);
    const bad = await api<Problem>(app.url, `/api/gpus/${seeded.id}?lang=fr`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('lang');
  });

  it('lists in the requested language, and the cache keeps each language apart', async () => {
    const path = '/api/gpus?brand=Intel&pageSize=50';
    const es = await api<GpuList>(app.url, path);
    const en = await api<GpuList>(app.url, path, { headers: { 'accept-language': 'en' } });
    const esAgain = await api<GpuList>(app.url, path);
    const enByQuery = await api<GpuList>(app.url, `${path}&lang=en`);
    expect(es.headers.get('vary')).toMatch(/Accept-Language/i);
    for (const [i, g] of es.body.items.entries()) {
      expect(g.description).toBe(g.descriptions.es);
      expect(en.body.items[i]!.description).toBe(g.descriptions.en);
      expect(esAgain.body.items[i]!.description).toBe(g.descriptions.es);
      expect(enByQuery.body.items[i]!.description).toBe(g.descriptions.en);
    }
    expect(es.body.items.length).toBeGreaterThan(5);
  });
});

describe('admin writes in two languages', () => {
  const create = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await api<Gpu>(app.url, '/api/gpus', {
      token: admin.token,
      headers,
      body: {
        sku: `LANG-${randomInt(1e9)}`,
        name: `Bilingual card ${randomInt(1e9)}`,
        brand: 'AMD',
        vramGb: 16,
        price: 499.99,
        stock: 2,
        ...body,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    api<Gpu>(app.url, `/api/gpus/${id}`, { method: 'PATCH', token: admin.token, headers, body });

  it('creates with both languages', async () => {
    const g = await create({ descriptions: { es: 'Tarjeta silenciosa.', en: 'A quiet card.' } });
    expect(g.descriptions).toEqual({ es: 'Tarjeta silenciosa.', en: 'A quiet card.' });
    expect((await one(g.id, { lang: 'en' })).body.description).toBe('A quiet card.');
  });

  it('PATCH of one language changes only that language', async () => {
    const g = await create({ descriptions: { es: 'Tarjeta silenciosa.', en: 'A quiet card.' } });
    const res = await patch(g.id, { descriptions: { en: 'A very quiet card.' } });
    expect(res.status).toBe(200);
    expect(res.body.descriptions).toEqual({ es: 'Tarjeta silenciosa.', en: 'A very quiet card.' });
    expect((await one(g.id)).body.descriptions).toEqual({ es: 'Tarjeta silenciosa.', en: 'A very quiet card.' });
    expect((await patch(g.id, { price: 450 })).body.descriptions).toEqual(res.body.descriptions);
  });

  it('a plain description sets the request language (Spanish by default)', async () => {
    const g = await create({ description: 'Tarjeta de prueba.' });
    expect(g.descriptions).toEqual({ es: 'Tarjeta de prueba.', en: '' });
    // The other language falls back to the text that exists.
    expect((await one(g.id, { lang: 'en' })).body.description).toBe('Tarjeta de prueba.');
    const en = await patch(g.id, { description: 'A test card.' }, { 'accept-language': 'en' });
    expect(en.body.descriptions).toEqual({ es: 'Tarjeta de prueba.', en: 'A test card.' });
    expect(en.body.description).toBe('A test card.');
    const q = await api<Gpu>(app.url, `/api/gpus/${g.id}?lang=es`, {
      method: 'PUT',
      token: admin.token,
      body: { description: 'Una tarjeta de prueba.' },
    });
    expect(q.body.descriptions).toEqual({ es: 'Una tarjeta de prueba.', en: 'A test card.' });
  });

  it('rejects an unknown language key in descriptions', async () => {
    const res = await api<Problem>(app.url, `/api/gpus/${seeded.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { descriptions: { fr: 'Carte.' } },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('descriptions');
  });
});

describe('full-text search over both languages', () => {
  it('finds a product by a word only its English description has', async () => {
    // The 3060 Ti's stored description was Spanish; "clearance" is only in its translation.
    const res = await api<GpuList>(app.url, '/api/gpus?q=clearance&pageSize=100');
    expect(res.body.items.map((g) => g.sku)).toContain('MSI-RTX3060TI-V2X-8G-OCV1');
    for (const g of res.body.items) expect(g.descriptions.en.toLowerCase()).toContain('clearance');
  });

  it('finds a product by a word only its Spanish description has', async () => {
    // The ASUS Dual 3060 Ti's stored description was English; "gabinetes" and "liquidación" are Spanish only.
    const res = await api<GpuList>(app.url, '/api/gpus?q=liquidación&pageSize=100');
    expect(res.body.items.map((g) => g.sku)).toContain('ASUS-DUAL-RTX3060TI-O8G-V2');
    for (const g of res.body.items) expect(g.descriptions.es.toLowerCase()).toMatch(/liquidaci/);
    const stemmed = await api<GpuList>(app.url, '/api/gpus?q=gabinete&pageSize=100');
    expect(stemmed.body.total).toBeGreaterThan(0);
    for (const g of stemmed.body.items) expect(g.descriptions.es).toMatch(/gabinete/);
  });
});
