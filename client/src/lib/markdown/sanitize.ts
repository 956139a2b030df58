// Browser-side second layer: DOMPurify over the rendered markdown, with the same policy
// enforced on the DOM (allowed tags only, safe links with rel, same-origin images only).
import DOMPurify from 'dompurify';
import { renderMarkdown, safeHref, safeImageSrc } from './render.js';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
];
const ALLOWED_ATTR = [
  'href',
  'title',
  'src',
  'alt',
  'rel',
  'target',
  'loading',
  'type',
  'checked',
  'disabled',
  'align',
];

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = safeHref(node.getAttribute('href'));
      if (href) node.setAttribute('href', href);
      else node.removeAttribute('href');
      // Links to the store's own pages stay in the tab; others open apart, without referrer.
      if (href && (href.startsWith('/') || href.startsWith('#'))) {
        node.removeAttribute('target');
        node.removeAttribute('rel');
      } else {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
    } else if (node.tagName === 'IMG') {
      const src = safeImageSrc(node.getAttribute('src'));
      if (src) node.setAttribute('src', src);
      else node.remove();
    } else if (node.tagName === 'INPUT') {
      // Only GFM task-list checkboxes, never editable.
      if (node.getAttribute('type') !== 'checkbox') node.remove();
      else node.setAttribute('disabled', '');
    }
  });
}

export function sanitizeHtml(html: string): string {
  installHooks();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}

/** Untrusted markdown to HTML that is safe to put in the page. */
export function markdownToSafeHtml(source: string): string {
  return sanitizeHtml(renderMarkdown(source));
}
