// The shopper and admin journeys in a real browser against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import type { Gpu, GpuList } from '@gpu/shared';
import { guardedPage, launchBrowser, newContext, screenshot, signIn } from './support/browser.js';
import { ADMIN, api, createUser, startE2eApp, type TestApp, type TestUser } from './support/app.js';

let app: TestApp;
let browser: Browser;
let shopper: TestUser;
const contexts: BrowserContext[] = [];

async function context(opts: { width?: number; locale?: string } = {}): Promise<BrowserContext> {
  const c = await newContext(browser, opts);
  contexts.push(c);
  return c;
}

async function connected(page: Page): Promise<void> {
  await page.locator('[data-testid="connection"][data-state="connected"]').waitFor();
}

async function firstProduct(query = ''): Promise<Gpu> {
  const res = await api<GpuList>(app.url, `/api/gpus?pageSize=5&sort=-stock${query}`);
  expect(res.status).toBe(200);
  return res.body.items[0]!;
}

beforeAll(async () => {
  app = await startE2eApp();
  browser = await launchBrowser();
  shopper = await createUser(app, 'shopper');
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

describe('shopper', () => {
  it('asks a question and sees the answer stream in with product cards', async () => {
    const g = await guardedPage(await context(), app.url);
    const { page } = g;
    await page.goto(`${app.url}/`);
    await connected(page);
    await screenshot(page, 'home');

    // Record every length the answer text goes through, to see it grow token by token.
    await page.evaluate(() => {
      const w = window as unknown as { __lengths: number[] };
      w.__lengths = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="answer-text"]');
        const n = el?.textContent?.length ?? 0;
        if (n && w.__lengths.at(-1) !== n) w.__lengths.push(n);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('chat-input').fill('Best GPU for 1440p gaming under $700?');
    await page.getByTestId('chat-input').press('Enter');

    const answer = page.getByTestId('answer').last();
    await answer.locator('[data-testid="product-card"]').first().waitFor();
    await page.locator('[data-testid="answer"][data-status="done"]').waitFor({ timeout: 60_000 });

    const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
    expect(lengths.length).toBeGreaterThan(1); // it grew in steps, not all at once
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    expect((await answer.getByTestId('answer-text').innerText()).length).toBeGreaterThan(20);

    const cards = answer.locator('[data-testid="product-card"]');
    expect(await cards.count()).toBeGreaterThan(0);
    const card = cards.first();
    await expect.poll(() => card.getByTestId('stock-badge').getAttribute('data-stock')).not.toBe('');
    expect(await card.getByTestId('price').innerText()).toMatch(/\$\d/);
    expect(await card.getByRole('heading').innerText()).not.toBe('');
    await expect.poll(() => page.getByRole('log').getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'chat-answer');

    // A guest who tries to buy is asked to sign in.
    await card.getByTestId('add-to-cart').click();
    await page.getByTestId('login-prompt').waitFor();
    expect(g.dialogs).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
    expect(g.pageErrors).toEqual([]);
    expect(g.cspViolations).toEqual([]); // the strict CSP and the app agree
  });

  it('adds a card to the cart and another tab of the same user shows it without a reload', async () => {
    const ctx = await context();
    const a = await ctx.newPage();
    await signIn(a, app.url, shopper.email, shopper.password, '/catalog');
    const b = await ctx.newPage();
    await b.goto(`${app.url}/catalog`);
    await connected(b);
    await connected(a);
    const before = Number(await b.getByTestId('cart-count').innerText());

    // The first card that can be bought (some seeded products are out of stock).
    const card = a.locator('[data-testid="product-card"]:has([data-testid="add-to-cart"]:not([disabled]))').first();
    await card.getByTestId('add-to-cart').click();
    await expect.poll(() => a.getByTestId('cart-count').innerText()).toBe(String(before + 1));
    // Tab B was not reloaded: cart:update reached it.
    await expect.poll(() => b.getByTestId('cart-count').innerText()).toBe(String(before + 1));
    await screenshot(a, 'catalog');
    await b.getByTestId('cart-button').click();
    await b.getByTestId('cart-line').first().waitFor();
    await screenshot(b, 'cart-drawer');
  });

  it("shows an admin's stock change on the shopper's badge without a reload", async () => {
    const gpu = await firstProduct();
    const shopperPage = await (await context()).newPage();
    await shopperPage.goto(`${app.url}/product/${gpu.id}`);
    await connected(shopperPage);
    const badge = shopperPage.getByTestId('stock-badge');
    await expect.poll(() => badge.getAttribute('data-stock')).toBe(String(gpu.stock));
    await screenshot(shopperPage, 'product');

    const adminPage = await (await context()).newPage();
    await signIn(adminPage, app.url, ADMIN.email, ADMIN.password, '/admin');
    const row = adminPage.locator(`[data-testid="inventory-row"][data-gpu-id="${gpu.id}"]`);
    await row.waitFor();
    await row.getByTestId('stock-input').fill('2');
    await row.getByTestId('stock-save').click();

    await expect.poll(() => badge.getAttribute('data-stock')).toBe('2');
    expect(await badge.innerText()).toContain('Only 2 left');
    // The dashboard highlights the row and raises a low-stock alert.
    await expect.poll(() => row.getByTestId('stock-input').getAttribute('data-stock')).toBe('2');
    await adminPage.getByTestId('alert-low').filter({ hasText: gpu.name }).waitFor();
    await screenshot(adminPage, 'admin', false);
  });
});

describe('admin products', () => {
  it('creates a product, uploads its image until the thumbnail shows, and hides it', async () => {
    const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#4f46e5' } })
      .png()
      .toBuffer();
    const page = await (await context()).newPage();
    await signIn(page, app.url, ADMIN.email, ADMIN.password, '/admin');
    await page.getByTestId('new-product').click();
    const editor = page.getByTestId('product-editor');
    const sku = `E2E-${Date.now()}`;
    await editor.getByTestId('editor-sku').fill(sku);
    await editor.getByTestId('editor-name').fill('E2E Test Card 16GB');
    await editor.getByTestId('editor-vramGb').fill('16');
    await editor.getByTestId('editor-price').fill('649.5');
    await editor.getByTestId('editor-stock').fill('7');
    await editor.getByTestId('editor-description-es').fill('Tarjeta de prueba de punta a punta.');
    await editor.getByTestId('editor-description-en').fill('End-to-end test card.');
    await editor.getByTestId('editor-save').click();

    const list = await api<GpuList>(app.url, `/api/gpus?q=${sku}`);
    await expect
      .poll(async () => (await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent('E2E Test Card')}`)).body.total)
      .toBeGreaterThan(0);
    const created = (await api<GpuList>(app.url, `/api/gpus?q=${encodeURIComponent('E2E Test Card')}`)).body.items[0]!;
    expect(list.status).toBe(200);
    expect(created.price).toBe(649.5);
    expect(created.descriptions).toEqual({ es: 'Tarjeta de prueba de punta a punta.', en: 'End-to-end test card.' });
    const row = page.locator(`[data-testid="inventory-row"][data-gpu-id="${created.id}"]`);
    await row.waitFor();

    await row.getByRole('button', { name: /Edit/ }).click();
    await page.getByTestId('image-input').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: png });
    await page.locator('[data-testid="upload-status"][data-status="done"]').waitFor({ timeout: 45_000 });
    const withThumb = await api<Gpu>(app.url, `/api/gpus/${created.id}`);
    expect(withThumb.body.thumbnailUrl).toBeTruthy();
    await screenshot(page, 'admin-editor', false);
    await page.keyboard.press('Escape');

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /Delete/ }).click();
    await expect.poll(async () => (await api(app.url, `/api/gpus/${created.id}`)).status).toBe(404);
  });
});

describe('product text', () => {
  it('shows the description in the UI language and follows a language switch', async () => {
    const g = await firstProduct();
    expect(g.descriptions.es).not.toBe(g.descriptions.en);
    const page = await (await context({ locale: 'es-ES' })).newPage();
    await page.goto(`${app.url}/product/${g.id}`);
    const text = page.getByTestId('product-description');
    await text.waitFor();
    expect(await text.innerText()).toBe(g.descriptions.es);
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => text.innerText()).toBe(g.descriptions.en);
    await screenshot(page, 'product-en');
  });
});

describe('account', () => {
  it('registers, signs out and signs in again', async () => {
    const page = await (await context()).newPage();
    const email = `e2e-${Date.now()}@example.com`;
    const password = 'Purple-Monkey-Dishwasher-42';
    await page.goto(`${app.url}/register`);
    await page.getByLabel('Name (optional)').fill('E2E Shopper');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await screenshot(page, 'register');
    await page.getByTestId('register-form').getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('logout').waitFor();
    expect(await page.locator('header').innerText()).toContain('E2E Shopper');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-link').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('gpu.session'))).toBeNull();

    await signIn(page, app.url, email, password);
    expect(await page.locator('header').innerText()).toContain('E2E Shopper');
  });

  it('recovers silently when the access token is refused (REST and socket)', async () => {
    const user = await createUser(app, 'shopper');
    const page = await (await context()).newPage();
    await signIn(page, app.url, user.email, user.password);
    const before = await page.evaluate(
      () => JSON.parse(localStorage.getItem('gpu.session')!) as { refreshToken: string },
    );
    // A token the server will refuse, which the client still believes valid for an hour.
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('gpu.session')!) as Record<string, unknown>;
      localStorage.setItem(
        'gpu.session',
        JSON.stringify({ ...s, accessToken: 'not.a.token', expiresAt: Date.now() + 3_600_000 }),
      );
    });
    await page.goto(`${app.url}/orders`);
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByText('No orders yet.').waitFor();
    await connected(page);
    const after = await page.evaluate(
      () => JSON.parse(localStorage.getItem('gpu.session')!) as { refreshToken: string; accessToken: string },
    );
    expect(after.accessToken).not.toBe('not.a.token');
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated
    expect(await page.getByTestId('logout').isVisible()).toBe(true);
  });

  it('refuses a wrong password with a message', async () => {
    const page = await (await context()).newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Email').fill(shopper.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByTestId('login-form').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
  });
});

describe('checkout', () => {
  it('turns the cart into an order shown on the orders page', async () => {
    const buyer = await createUser(app, 'shopper');
    const gpu = await firstProduct('&minPrice=100');
    const add = await api(app.url, '/api/cart/items', { token: buyer.token, body: { gpuId: gpu.id, quantity: 1 } });
    expect(add.status).toBeLessThan(300);

    // An admin watches the live orders feed meanwhile.
    const adminPage = await (await context()).newPage();
    await signIn(adminPage, app.url, ADMIN.email, ADMIN.password, '/admin');
    await adminPage.locator('[data-testid="admin-connection"][data-state="connected"]').waitFor();

    const page = await (await context()).newPage();
    await signIn(page, app.url, buyer.email, buyer.password, '/checkout');
    await page.getByTestId('place-order').waitFor();
    await screenshot(page, 'checkout');
    await page.getByTestId('place-order').click();
    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.waitFor();
    const orderId = await confirmation.getAttribute('data-order-id');
    expect(orderId).toBeTruthy();
    // The key is dropped after success, so the next checkout is a new order.
    expect(await page.evaluate(() => localStorage.getItem('gpu.checkoutKey'))).toBeNull();

    const orders = await api<{ items: { id: string }[] }>(app.url, '/api/orders', { token: buyer.token });
    expect(orders.body.items.map((o) => o.id)).toContain(orderId);
    await expect.poll(() => page.getByTestId('cart-count').innerText()).toBe('0');
    await adminPage
      .getByTestId('orders-feed')
      .getByText(`#${orderId!.slice(0, 8)}`)
      .waitFor();

    await page.goto(`${app.url}/orders`);
    await page.locator(`[data-testid="order"][data-order-id="${orderId}"]`).waitFor();
    await screenshot(page, 'orders');
  });
});

describe('small screens, keyboard and language', () => {
  it('works at 375 px in Spanish, with a skip link for keyboard users', async () => {
    const page = await (await context({ width: 375, locale: 'es-ES' })).newPage();
    await page.goto(`${app.url}/catalog`);
    await page.getByTestId('product-card').first().waitFor();
    expect(await page.locator('h1').innerText()).toBe('Catálogo');
    // Prices in the Spanish format ("1.299,00 US$").
    expect(await page.getByTestId('price').first().innerText()).toMatch(/US\$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'catalog-375-es');

    await page.goto(`${app.url}/`);
    await page.getByTestId('chat-input').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Saltar al contenido principal',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await screenshot(page, 'chat-375-es');

    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Find the right GPU' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('gpu.locale'))).toBe('en');
  });
});
