// Accessibility in the browser: axe-core (WCAG 2.1 A/AA and best practices, colour contrast
// included) on every page in the state a shopper or admin sees it — home with a finished
// answer, catalog, product, cart, checkout, orders, login, admin dashboard — at 1280 px and
// 375 px, and at 1280 px in the dark colour scheme. No serious or critical violation is
// allowed; the results per page are printed, and a screenshot of each page in each of those
// views is kept under client/test-results/screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { GpuList } from '@gpu/shared';
import { launchBrowser, newContext, screenshot, signIn } from './support/browser.js';
import { ADMIN, api, createUser, startE2eApp, type TestApp, type TestUser } from './support/app.js';
import { formatAxeReport, runAxe, type AxeSummary } from './support/axe.js';

const WIDTHS = [1280, 375];
let app: TestApp;
let browser: Browser;
let shopper: TestUser;
const contexts: BrowserContext[] = [];
const summaries: AxeSummary[] = [];

async function page(): Promise<Page> {
  const c = await newContext(browser, { bypassCSP: true });
  contexts.push(c);
  return c.newPage();
}

/** Lazy images below the fold load too, so screenshots show the page as a person scrolls it. */
async function settle(p: Page): Promise<void> {
  await p.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = 'eager';
    await Promise.all(
      images.map((img) =>
        img.complete
          ? undefined
          : new Promise((done) => {
              img.addEventListener('load', done, { once: true });
              img.addEventListener('error', done, { once: true });
            }),
      ),
    );
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

/** axe and a screenshot at each width; returns the serious and critical findings. */
async function check(p: Page, name: string): Promise<string[]> {
  const blocking: string[] = [];
  for (const width of WIDTHS) {
    await p.setViewportSize({ width, height: 900 });
    await settle(p);
    const s = await runAxe(p, name, width);
    summaries.push(s);
    // Nothing may push the page sideways (a phone would scroll horizontally).
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) blocking.push(`${width}px: the page is ${overflow} px wider than the viewport`);
    await screenshot(p, `${name}-${width}`);
    for (const v of s.blocking)
      blocking.push(`${width}px ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  // The dark colour scheme has its own palette: check its contrast too.
  await p.setViewportSize({ width: WIDTHS[0]!, height: 900 });
  await p.emulateMedia({ colorScheme: 'dark' });
  await settle(p);
  const dark = await runAxe(p, `${name} (dark)`, WIDTHS[0]!);
  summaries.push(dark);
  await screenshot(p, `${name}-${WIDTHS[0]}-dark`);
  for (const v of dark.blocking)
    blocking.push(`dark ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await p.emulateMedia({ colorScheme: 'light' });
  return blocking;
}

beforeAll(async () => {
  app = await startE2eApp();
  browser = await launchBrowser();
  shopper = await createUser(app, 'shopper');
});

afterAll(async () => {
  console.log(formatAxeReport(summaries));
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

describe('accessibility (axe-core)', () => {
  it('home with a finished answer', async () => {
    const p = await page();
    await p.goto(`${app.url}/`);
    await p.locator('[data-testid="connection"][data-state="connected"]').waitFor();
    await p.getByTestId('chat-input').fill('Best GPU for 1440p gaming under $700?');
    await p.getByTestId('chat-input').press('Enter');
    await p.locator('[data-testid="answer"][data-status="done"]').waitFor({ timeout: 60_000 });
    await p.getByTestId('answer').last().locator('[data-testid="product-card"] img').first().waitFor();
    expect(await check(p, 'home')).toEqual([]);
  });

  it('catalog, with a picture on every card', async () => {
    const p = await page();
    await p.goto(`${app.url}/catalog`);
    await p.getByTestId('product-card').first().waitFor();
    const cards = p.getByTestId('product-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await p.locator('[data-testid="product-card"] img').count()).toBe(await cards.count());
    expect(await check(p, 'catalog')).toEqual([]);
  });

  it('product page, with the full picture', async () => {
    const gpu = (await api<GpuList>(app.url, '/api/gpus?pageSize=1&sort=-price')).body.items[0]!;
    const p = await page();
    await p.goto(`${app.url}/product/${gpu.id}`);
    const img = p.getByTestId('product-page').locator('img');
    await img.waitFor();
    expect(await img.getAttribute('alt')).toBe(`Picture of the ${gpu.name}`);
    expect(await img.getAttribute('srcset')).toContain(gpu.imageUrl!);
    expect(await check(p, 'product')).toEqual([]);
  });

  it('login', async () => {
    const p = await page();
    await p.goto(`${app.url}/login`);
    await p.getByTestId('login-form').waitFor();
    expect(await check(p, 'login')).toEqual([]);
  });

  it('cart, checkout and orders', async () => {
    const gpu = (await api<GpuList>(app.url, '/api/gpus?pageSize=5&sort=-stock&minPrice=100')).body.items[0]!;
    const add = await api(app.url, '/api/cart/items', { token: shopper.token, body: { gpuId: gpu.id, quantity: 1 } });
    expect(add.status).toBe(200);
    const p = await page();
    await signIn(p, app.url, shopper.email, shopper.password, '/catalog');
    await p.getByTestId('cart-button').click();
    await p.getByTestId('cart-line').first().waitFor();
    const cart = await check(p, 'cart');
    await p.keyboard.press('Escape');

    await p.goto(`${app.url}/checkout`);
    await p.getByTestId('place-order').waitFor();
    const checkout = await check(p, 'checkout');
    await p.getByTestId('place-order').click();
    const confirmation = p.getByTestId('order-confirmation');
    await confirmation.waitFor();
    const orderId = await confirmation.getAttribute('data-order-id');

    await p.goto(`${app.url}/orders`);
    await p.locator(`[data-testid="order"][data-order-id="${orderId}"]`).waitFor();
    const orders = await check(p, 'orders');
    expect({ cart, checkout, orders }).toEqual({ cart: [], checkout: [], orders: [] });
  });

  it('admin dashboard, with its charts drawn', async () => {
    const p = await page();
    await signIn(p, app.url, ADMIN.email, ADMIN.password, '/admin');
    await p.locator('[data-testid="admin-connection"][data-state="connected"]').waitFor();
    for (const id of ['orders', 'revenue', 'chats', 'ttft', 'stockout', 'stock']) {
      await p.locator(`[data-testid="chart-${id}"] canvas`).first().waitFor();
    }
    await p.locator('[data-testid="inventory-row"]').first().waitFor();
    expect(await check(p, 'admin')).toEqual([]);
  });
});
