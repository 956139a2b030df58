// Debian's Chromium through playwright-core, plus the guards every browser test wants:
// a record of dialogs (an XSS payload that ran would open one) and of requests to any host
// but the app's own.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface Guarded {
  page: Page;
  dialogs: string[];
  foreignRequests: string[];
  pageErrors: string[];
  /** Content-Security-Policy violations reported on the console. */
  cspViolations: string[];
}

/** A page that records dialogs, page errors and requests that leave the app's origin. */
export async function guardedPage(context: BrowserContext, baseUrl: string): Promise<Guarded> {
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const g: Guarded = { page, dialogs: [], foreignRequests: [], pageErrors: [], cspViolations: [] };
  page.on('dialog', (d) => {
    g.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) g.foreignRequests.push(url);
  });
  page.on('pageerror', (e) => g.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) g.cspViolations.push(m.text());
  });
  return g;
}

export async function newContext(
  browser: Browser,
  opts: { width?: number; locale?: string; bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    locale: opts.locale ?? 'en-US',
    // Only for injecting axe-core; every other suite runs under the real CSP.
    bypassCSP: opts.bypassCSP ?? false,
  });
}

/** Saves client/test-results/screenshots/<name>.png (the whole page unless fullPage is false). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage });
}

/** Signs in through the login form and waits for the header to show the account. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-form').getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('logout').waitFor();
}
