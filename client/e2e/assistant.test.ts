// The assistant's answers in a real browser, with a local fake LLM (through the same
// Groq provider path production uses) so the test controls what the model says and how
// fast: hostile markup must stay inert, and a connection cut mid-answer must heal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Conversation, Gpu } from '@gpu/shared';
import { guardedPage, launchBrowser, newContext, screenshot, signIn } from './support/browser.js';
import { adminToken, api, createUser, startE2eApp, type TestApp } from './support/app.js';
import { startFakeLlm, type FakeLlm } from './support/fake-llm.js';

const HOSTILE_ANSWER = [
  'Here is my pick. ',
  '<script>alert("script")</script> ',
  '<img src=x onerror=alert("img")> ',
  '[click here](javascript:alert("link")) ',
  '![tracker](https://evil.example/pixel.gif) ',
  '<iframe src="https://evil.example/frame"></iframe> ',
  '<a href="https://evil.example" onclick="alert(1)">raw link</a> ',
  '[ok link](https://example.org/docs)',
];
const SLOW_WORDS = Array.from({ length: 60 }, (_, i) => `word${i} `);

let app: TestApp;
let llm: FakeLlm;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function context(): Promise<BrowserContext> {
  const c = await newContext(browser);
  contexts.push(c);
  return c;
}

async function ask(p: Page, text: string): Promise<void> {
  await p.locator('[data-testid="connection"][data-state="connected"]').waitFor();
  await p.getByTestId('chat-input').fill(text);
  await p.getByTestId('chat-input').press('Enter');
}

beforeAll(async () => {
  llm = await startFakeLlm((message) =>
    message.includes('hostile')
      ? { chunks: HOSTILE_ANSWER, delayMs: 10 }
      : message.includes('slow')
        ? { chunks: SLOW_WORDS, delayMs: 80 }
        : { chunks: ['A ', 'short ', 'answer.'], delayMs: 10 },
  );
  app = await startE2eApp({ GROQ_API_KEY: 'test-key-for-fake-llm', LLM_BASE_URL: llm.url });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
  await llm?.close();
});

describe('hostile content', () => {
  it('a product description and a model answer carrying script/HTML run nothing and load nothing foreign', async () => {
    const token = await adminToken(app);
    const created = await api<Gpu>(app.url, '/api/gpus', {
      token,
      body: {
        sku: `XSS-${Date.now()}`,
        name: 'Hostile <img src=x onerror=alert("name")> RTX',
        brand: 'NVIDIA',
        vramGb: 12,
        price: 499.99,
        stock: 5,
        description:
          '<script>alert("desc")</script><img src="https://evil.example/d.png" onerror="alert(2)"> [x](javascript:alert(3))',
        specs: { outputs: '<svg onload=alert("spec")>' },
      },
    });
    expect(created.status).toBe(201);

    const g = await guardedPage(await context(), app.url);
    await g.page.goto(`${app.url}/product/${created.body.id}`);
    await g.page.getByTestId('product-description').waitFor();
    expect(await g.page.getByTestId('product-description').innerText()).toContain('<script>alert("desc")</script>');
    await g.page.goto(`${app.url}/catalog?q=Hostile`);
    await g.page.getByTestId('product-card').first().waitFor();

    await g.page.goto(`${app.url}/?debug`);
    await ask(g.page, 'hostile: show me something');
    const answer = g.page.locator('[data-testid="answer"][data-status="done"]');
    await answer.waitFor({ timeout: 60_000 });
    // The payloads are shown as text; no element or attribute from them made it into the DOM.
    const dom = await answer.getByTestId('answer-text').evaluate((el) => ({
      dangerous: el.querySelectorAll('script, iframe, object, embed, svg, style, form, img').length,
      handlers: [...el.querySelectorAll('*')]
        .flatMap((n) => [...n.attributes].map((a) => a.name))
        .filter((a) => a.startsWith('on')),
      hrefs: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      text: el.textContent ?? '',
    }));
    expect(dom.dangerous).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.hrefs).toEqual(['https://example.org/docs']);
    expect(dom.text).toContain('<script>alert("script")</script>');
    // The javascript: link is plain text; the https one is a safe external link.
    await answer.getByText('click here').click();
    const ok = answer.getByRole('link', { name: 'ok link' });
    expect(await ok.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    await screenshot(g.page, 'chat-hostile-answer');

    // The DOMPurify layer alone, in the real browser, on classic raw-HTML payloads.
    const purified = await g.page.evaluate(() => {
      const d = (window as unknown as { __gpuDebug: { purify: (s: string) => string } }).__gpuDebug;
      return [
        '<img src=x onerror=alert(1)>',
        '<svg><script>alert(1)</script></svg>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="https://ok.example" target="_self">ok</a>',
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
        '<form action="https://evil.example"><input name=a></form>',
        '<img src="https://evil.example/t.gif">',
        '<p style="background:url(https://evil.example/x)">styled</p>',
      ].map((payload) => {
        const div = document.createElement('div');
        div.innerHTML = d.purify(payload);
        const all = [...div.querySelectorAll('*')];
        return {
          tags: all.map((n) => n.tagName.toLowerCase()),
          attrs: all.flatMap((n) => [...n.attributes].map((a) => `${a.name}=${a.value}`)),
        };
      });
    });
    for (const { tags, attrs } of purified) {
      expect(tags.filter((t) => ['script', 'svg', 'style', 'form', 'img', 'math', 'iframe'].includes(t))).toEqual([]);
      expect(attrs.filter((a) => /^on|^style=|javascript:/i.test(a))).toEqual([]);
    }
    expect(purified[3]!.attrs).toContain('rel=noopener noreferrer nofollow');

    await g.page.waitForTimeout(300); // let any (wrongly) scheduled handler fire before checking
    expect(g.dialogs).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });
});

describe('resilience', () => {
  it('completes an answer after the connection drops mid-stream, with no gap or duplicate', async () => {
    const user = await createUser(app, 'shopper');
    const p = await (await context()).newPage();
    await signIn(p, app.url, user.email, user.password);
    await p.goto(`${app.url}/?debug`); // a full load with ?debug installs the test hooks
    await ask(p, 'slow: tell me about GPUs');

    const answer = p.getByTestId('answer').last();
    // Some text, but not all of it, has arrived: cut the connection now for 1.5 s.
    await expect
      .poll(
        async () =>
          (
            await answer
              .getByTestId('answer-text')
              .innerText()
              .catch(() => '')
          ).length,
      )
      .toBeGreaterThan(10);
    expect(await answer.getAttribute('data-status')).toBe('streaming');
    await p.evaluate(() =>
      (window as unknown as { __gpuDebug: { dropConnection: (ms: number) => void } }).__gpuDebug.dropConnection(1500),
    );
    await p.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor();
    await p.locator('[data-testid="connection"][data-state="connected"]').waitFor();

    await p.locator('[data-testid="answer"][data-status="done"]').waitFor({ timeout: 60_000 });
    const shown = await p.evaluate(() => {
      const d = (
        window as unknown as {
          __gpuDebug: { answers: () => { messageId?: string; text: string }[]; conversationId: () => string | null };
        }
      ).__gpuDebug;
      return { answer: d.answers().at(-1)!, conversationId: d.conversationId() };
    });
    expect(shown.conversationId).toBeTruthy();
    const conv = await api<Conversation>(app.url, `/api/conversations/${shown.conversationId}`, { token: user.token });
    expect(conv.status).toBe(200);
    const stored = conv.body.messages.find((m) => m.id === shown.answer.messageId);
    expect(stored?.content).toBeTruthy();
    expect(shown.answer.text).toBe(stored!.content);
    // Every word exactly once: nothing lost in the gap, nothing replayed twice.
    for (const w of SLOW_WORDS) {
      expect(shown.answer.text.match(new RegExp(`\\b${w.trim()}\\b`, 'g'))?.length ?? 0, w).toBe(1);
    }
    await screenshot(p, 'chat-resumed');

    // The conversation is in the history and opens with the same text.
    await p.getByRole('link', { name: 'History' }).click();
    await p.getByTestId('conversation').first().getByRole('link').click();
    await p.getByTestId('answer-text').first().waitFor();
    expect(await p.getByTestId('answer').last().getByTestId('answer-text').innerText()).toContain('word59');
    await screenshot(p, 'history-opened');
  });

  it('stops an answer and regenerates it', async () => {
    const p = await (await context()).newPage();
    await p.goto(`${app.url}/`);
    await ask(p, 'slow: please stop me');
    const first = p.getByTestId('answer').last();
    await expect
      .poll(
        async () =>
          (
            await first
              .getByTestId('answer-text')
              .innerText()
              .catch(() => '')
          ).length,
      )
      .toBeGreaterThan(5);
    await p.getByTestId('stop').click();
    await p.locator('[data-testid="answer"][data-status="cancelled"]').waitFor();
    expect(await first.innerText()).toContain('Answer stopped.');

    await p.getByTestId('regenerate').click();
    await p.locator('[data-testid="answer"][data-status="streaming"]').waitFor();
    expect(await p.getByTestId('answer').count()).toBe(1); // replaced, not appended
    expect(await p.getByTestId('user-message').count()).toBe(1);
  });
});
