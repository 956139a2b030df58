import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref, safeImageSrc } from './render.js';

/** No executable markup: tags and attributes only as escaped text. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|svg|iframe|object|embed|style|link|meta|form|input)\b[^>]*\son\w+=/i);
  expect(html).not.toMatch(/<iframe|<object|<embed|<svg|<style|<link|<meta|<form/i);
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
}

describe('markdown rendering policy', () => {
  it('renders ordinary markdown', () => {
    const html = renderMarkdown('**RTX 4070** is *fast*\n\n- 12 GB\n- `DLSS`');
    expect(html).toContain('<strong>RTX 4070</strong>');
    expect(html).toContain('<em>fast</em>');
    expect(html).toContain('<li>12 GB</li>');
    expect(html).toContain('<code>DLSS</code>');
  });

  it('shows <script> as text instead of running it', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> there');
    expectInert(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('neutralizes event-handler attributes in raw HTML blocks and inline tags', () => {
    for (const src of [
      '<img src=x onerror=alert(1)>',
      'inline <img src="x" onerror="alert(1)"> tag',
      '<div onclick="alert(1)">block</div>',
      '<svg onload=alert(1)></svg>',
      '<iframe src="https://evil.example"></iframe>',
    ]) {
      const html = renderMarkdown(src);
      expectInert(html);
      expect(html).not.toMatch(/<div onclick/i);
    }
  });

  it('drops javascript:, data: and vbscript: links but keeps their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ]) {
      const html = renderMarkdown(`[click me](${href.replace(/ /g, '%20')})`);
      expectInert(html);
      expect(html).toContain('click me');
      expect(html).not.toContain('<a');
    }
    const auto = renderMarkdown('<javascript:alert(1)>');
    expectInert(auto);
  });

  it('keeps http(s) links with rel="noopener noreferrer nofollow"', () => {
    const html = renderMarkdown('[docs](https://example.com/x?a=1 "Title")');
    expect(html).toContain('href="https://example.com/x?a=1"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('title="Title"');
  });

  it('never loads remote images; same-origin paths are allowed', () => {
    const remote = renderMarkdown('![pixel](https://tracker.example/p.gif)');
    expect(remote).not.toContain('<img');
    expect(remote).toContain('pixel');
    expect(renderMarkdown('![x](//tracker.example/p.gif)')).not.toContain('<img');
    expect(renderMarkdown('![x](data:image/png;base64,AAAA)')).not.toContain('<img');
    const local = renderMarkdown('![card](/uploads/thumbnails/a.webp)');
    expect(local).toContain('<img src="/uploads/thumbnails/a.webp" alt="card"');
  });

  it('escapes attribute breakouts in link titles and image alt text', () => {
    const html = renderMarkdown('[a](https://ok.example "x\\" onmouseover=\\"alert(1)")');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });
});

describe('links in answers', () => {
  it('keeps the store pages the assistant links to (checkout, sign in) in the same tab', () => {
    const html = renderMarkdown('[Ir a pagar](/checkout) or [sign in](/login) or [docs](https://ok.example)');
    expect(html).toContain('<a href="/checkout">Ir a pagar</a>');
    expect(html).toContain('<a href="/login">sign in</a>');
    expect(html).toMatch(/<a href="https:\/\/ok\.example" rel="noopener noreferrer nofollow" target="_blank">/);
  });
});

describe('safeHref / safeImageSrc', () => {
  it('accepts only web and mail targets', () => {
    expect(safeHref('https://a.example')).toBe('https://a.example');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeHref('/catalog?brand=AMD')).toBe('/catalog?brand=AMD');
    expect(safeHref('#top')).toBe('#top');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('\u0001javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
  it('allows images only from this origin', () => {
    expect(safeImageSrc('/uploads/a.png')).toBe('/uploads/a.png');
    expect(safeImageSrc('https://cdn.example/a.png')).toBeNull();
    expect(safeImageSrc('//cdn.example/a.png')).toBeNull();
    expect(safeImageSrc('a.png')).toBeNull();
  });
});
