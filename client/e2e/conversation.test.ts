// A conversation in a real browser, on the offline planner: a request, a refinement, a
// comparison picked from the follow-up chips (the table marks the best value per row), and
// "add the first one to the cart" (the action card, the live cart badge, undo). Screenshots
// of each step are kept under client/test-results/screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Cart } from '@gpu/shared';
import { guardedPage, launchBrowser, newContext, screenshot, signIn } from './support/browser.js';
import { api, createUser, startE2eApp, type TestApp } from './support/app.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function ask(p: Page, text: string): Promise<void> {
  await p.locator('[data-testid="connection"][data-state="connected"]').waitFor();
  await p.getByTestId('chat-input').fill(text);
  await p.getByTestId('chat-input').press('Enter');
}

/** Waits for the n-th answer (1-based) to finish and returns it. */
async function answer(p: Page, n: number) {
  const a = p.getByTestId('answer').nth(n - 1);
  await a.and(p.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
  return a;
}

beforeAll(async () => {
  app = await startE2eApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

describe('a conversation in the browser', () => {
  it('refines, compares from a chip and adds to the cart with undo', async () => {
    const user = await createUser(app);
    const context = await newContext(browser);
    contexts.push(context);
    const g = await guardedPage(context, app.url);
    const p = g.page;
    await signIn(p, app.url, user.email, user.password, '/');

    await ask(p, 'GPU para 4K gaming bajo $1000');
    const first = await answer(p, 1);
    expect(await first.getByTestId('tool-step').first().getAttribute('data-tool')).toBe('search_products');
    expect(await first.getByTestId('product-card').count()).toBeGreaterThan(1);

    await ask(p, '¿y algo más barato?');
    const second = await answer(p, 2);
    expect(await second.getByTestId('product-card').count()).toBeGreaterThan(1);
    // Follow-up chips only under the latest answer.
    expect(await first.getByTestId('follow-up').count()).toBe(0);
    const chips = second.getByTestId('follow-up');
    expect(await chips.count()).toBeGreaterThanOrEqual(2);
    await screenshot(p, 'conversation-1-refined');

    await second.getByRole('button', { name: 'Compara las dos primeras' }).click();
    const third = await answer(p, 3);
    const table = third.getByTestId('comparison');
    await table.waitFor();
    expect(await table.locator('thead th').count()).toBe(3); // the spec column and two cards
    expect(await table.locator('td[data-best="true"]').count()).toBeGreaterThan(0);
    await screenshot(p, 'conversation-2-compared');

    await ask(p, 'agrega la primera al carrito');
    const fourth = await answer(p, 4);
    const card = fourth.getByTestId('cart-action');
    await card.waitFor();
    expect(await card.getAttribute('data-ok')).toBe('true');
    expect(await card.innerText()).toMatch(/^Added to cart: .+ × 1/); // the card follows the UI language (en here)
    await p.locator('[data-testid="cart-count"]', { hasText: '1' }).waitFor();
    const cart = await api<Cart>(app.url, '/api/cart', { token: user.token });
    expect(cart.body.items).toHaveLength(1);
    expect(await fourth.getByTestId('answer-text').locator('a[href="/checkout"]').count()).toBe(1);
    await screenshot(p, 'conversation-3-added');

    await card.getByTestId('cart-action-undo').click();
    await card.getByTestId('cart-action-undone').waitFor();
    await expect
      .poll(async () => (await api<Cart>(app.url, '/api/cart', { token: user.token })).body.items.length)
      .toBe(0);
    expect(g.pageErrors).toEqual([]);
    expect(g.dialogs).toEqual([]);
  });

  it('asks a guest who wants to buy to sign in, and changes nothing', async () => {
    const context = await newContext(browser, { width: 375 });
    contexts.push(context);
    const g = await guardedPage(context, app.url);
    const p = g.page;
    await p.goto(app.url);
    await ask(p, 'best card for 1440p gaming under $600');
    await answer(p, 1);
    await ask(p, 'add the first one to my cart');
    const second = await answer(p, 2);
    const card = second.getByTestId('cart-action');
    await card.waitFor();
    expect(await card.getAttribute('data-code')).toBe('sign_in_required');
    expect(await card.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await screenshot(p, 'conversation-guest-sign-in-375');
  });
});
