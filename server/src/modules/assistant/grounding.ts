// After an answer is streamed: is it grounded in what we sent? Every GPU model it names
// must be one of the products sent, and every dollar price it quotes must be a sent
// product's price (to the cent) — or the shopper's own budget echoed back.
import type { Grounding } from '@gpu/shared';
import { findModelMentions, modelsInName } from '../catalog/gpu-models.js';

export interface GroundingProduct {
  name: string;
  price: number;
}

const PRICE =
  /(?:US\$|\$|USD\s?)\s?(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)|(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s?(?:USD|US\$)/gi;

const same = (a: number, b: number) => Math.abs(a - b) <= 0.01 + 1e-9;

/** The sentence (within its line) around a position: where a price is attributed. */
function segmentAround(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  const lineEnd = text.indexOf('\n', index);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const at = index - lineStart;
  // Sentence ends are ". " / "! " / "? " (a price's decimal point is never followed by a space).
  let start = 0;
  for (const m of line.matchAll(/[.!?]\s+/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end <= at) start = end;
    else return line.slice(start, m.index);
  }
  return line.slice(start);
}

export function checkGrounding(
  answer: string,
  products: GroundingProduct[],
  opts: { allowedAmounts?: (number | null)[] } = {},
): Grounding {
  const byModel = new Map<string, GroundingProduct[]>();
  for (const p of products) {
    for (const model of modelsInName(p.name)) byModel.set(model, [...(byModel.get(model) ?? []), p]);
  }
  const unknownProducts = [
    ...new Set(
      findModelMentions(answer)
        .map((m) => m.display)
        .filter((d) => !byModel.has(d)),
    ),
  ];

  const allowed = (opts.allowedAmounts ?? []).filter((a): a is number => a !== null);
  const priceMismatches: Grounding['priceMismatches'] = [];
  for (const m of answer.matchAll(PRICE)) {
    const quoted = Number((m[1] ?? m[2]!).replace(/,/g, ''));
    if (!Number.isFinite(quoted) || allowed.some((a) => same(a, quoted))) continue;
    const segment = segmentAround(answer, m.index ?? 0);
    const lower = segment.toLowerCase();
    let candidates = products.filter((p) => lower.includes(p.name.toLowerCase()));
    if (!candidates.length) {
      candidates = findModelMentions(segment).flatMap((mention) => byModel.get(mention.display) ?? []);
    }
    if (candidates.length) {
      if (!candidates.some((p) => same(p.price, quoted))) {
        priceMismatches.push({ product: candidates[0]!.name, quoted, actual: candidates[0]!.price });
      }
      continue;
    }
    if (products.some((p) => same(p.price, quoted))) continue;
    const nearest = [...products].sort((a, b) => Math.abs(a.price - quoted) - Math.abs(b.price - quoted))[0];
    priceMismatches.push({ product: nearest?.name ?? '', quoted, actual: nearest?.price ?? 0 });
  }
  return { ok: unknownProducts.length === 0 && priceMismatches.length === 0, unknownProducts, priceMismatches };
}
