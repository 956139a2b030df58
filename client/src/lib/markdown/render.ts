// Markdown -> HTML for untrusted model output, with the safety policy applied while
// rendering: raw HTML is shown as text, links keep only http(s)/mailto/relative targets
// and open with rel="noopener noreferrer nofollow", images only from this origin. The
// browser then runs the result through DOMPurify as a second layer (sanitize.ts).
import { Marked, type Tokens } from 'marked';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** A link target we allow, normalized; null for javascript:, data:, vbscript:, etc. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- deliberately matching control characters
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('//')) return null; // protocol-relative: another host
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme)
    return compact.startsWith('#') || compact.startsWith('/') || /^[\w./?=&%-]+$/.test(compact) ? compact : null;
  const s = scheme[1]!.toLowerCase();
  return s === 'http' || s === 'https' || s === 'mailto' ? compact : null;
}

/** Images: same-origin paths only (no tracking pixels or remote content in answers). */
export function safeImageSrc(src: string | null | undefined): string | null {
  const href = safeHref(src);
  if (!href || !href.startsWith('/') || href.startsWith('//')) return null;
  return href;
}

const md = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (!target) return inner;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      // The store's own pages (/checkout, /login) open in place; anything else in a new tab.
      if (target.startsWith('/') || target.startsWith('#')) return `<a href="${escapeHtml(target)}"${t}>${inner}</a>`;
      return `<a href="${escapeHtml(target)}"${t} rel="noopener noreferrer nofollow" target="_blank">${inner}</a>`;
    },
    image({ href, text, title }: Tokens.Image): string {
      const src = safeImageSrc(href);
      if (!src) return escapeHtml(text);
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}"${t} loading="lazy">`;
    },
  },
});

/** Renders untrusted markdown to HTML with the policy above (not yet DOM-sanitized). */
export function renderMarkdown(source: string): string {
  return md.parse(source, { async: false }) as string;
}
