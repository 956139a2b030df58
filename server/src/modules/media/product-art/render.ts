// Renders a product picture: the SVG template rasterized by sharp (librsvg) to WebP, the
// format the store keeps originals in and browsers all read. The same SVG renders the same
// bytes, so a process that seeds several databases (test suites) renders each product once.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { artSpec, type ArtProduct } from './art-spec.js';
import { cardSvg } from './card-svg.js';
import { cachedRender } from '../render-cache.js';

export const ART_CONTENT_TYPE = 'image/webp' as const;

const MEMO_LIMIT = 400; // about 170 pictures of ~25 KB in the seed catalog
const memo = new Map<string, Promise<Buffer>>();

export function renderProductArt(product: ArtProduct): Promise<Buffer> {
  const svg = cardSvg(artSpec(product));
  const key = createHash('sha256').update(svg).digest('base64url');
  let bytes = memo.get(key);
  if (!bytes) {
    // effort 0: this flat artwork compresses about as well at a third of the encoding time.
    bytes = cachedRender('art-webp', svg, () => sharp(Buffer.from(svg)).webp({ quality: 82, effort: 0 }).toBuffer());
    bytes.catch(() => memo.delete(key));
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, bytes);
  }
  return bytes;
}

/** Drops the remembered pictures (benchmarks measure cold renders with it). */
export function forgetRenderedArt(): void {
  memo.clear();
}
