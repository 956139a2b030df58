// get_products, compare_products and check_compatibility: facts about products the shopper
// already named or saw, by id. Unknown or inactive ids are reported, never invented.
import { checkCompatibility } from '../../catalog/compatibility.js';
import { comparisonRows } from './comparison-rows.js';
import { productView } from './product-view.js';
import { fail, type Tool, type ToolDeps } from './tool.js';

const active = <T extends { isActive: boolean }>(list: T[]) => list.filter((p) => p.isActive);

export function getProductsTool(deps: ToolDeps): Tool<'get_products'> {
  return {
    name: 'get_products',
    description: 'Full facts (price, stock, specs) of products by id, e.g. the ones in the conversation state.',
    async run(args, ctx) {
      const products = active(await deps.products(args.ids, ctx.language));
      if (!products.length) return fail('not_found', 'None of these products is in the catalog');
      const missing = args.ids.filter((id) => !products.some((p) => p.id === id));
      return {
        ok: true,
        summary: `${products.length}`,
        data: {
          products: products.map((p) => productView(p, ctx.language)),
          ...(missing.length ? { notFound: missing } : {}),
        },
        effects: { products },
      };
    },
  };
}

export function compareProductsTool(deps: ToolDeps): Tool<'compare_products'> {
  return {
    name: 'compare_products',
    description: 'Side-by-side spec table of 2 to 4 products by id; the shopper sees the table, you summarise it.',
    async run(args, ctx) {
      const ids = [...new Set(args.ids)];
      const products = active(await deps.products(ids, ctx.language));
      if (products.length < 2) return fail('not_found', 'At least two of these products must be in the catalog');
      const rows = comparisonRows(products, ctx.language);
      return {
        ok: true,
        summary: products.map((p) => p.name).join(' vs '),
        data: { products: products.map((p) => productView(p, ctx.language)), rows },
        effects: { products, comparison: { products, rows } },
      };
    },
  };
}

export function checkCompatibilityTool(deps: ToolDeps): Tool<'check_compatibility'> {
  return {
    name: 'check_compatibility',
    description:
      "Whether a product works with the shopper's power supply (watts) and fits their case (clearance in mm), and what power cables it needs.",
    async run(args, ctx) {
      const [product] = active(await deps.products([args.id], ctx.language));
      if (!product) return fail('not_found', 'Product not found');
      const result = checkCompatibility(product, {
        psuWatts: args.psuWatts ?? null,
        caseMaxLengthMm: args.caseMaxLengthMm ?? null,
      });
      return {
        ok: true,
        summary: result.overall,
        data: { product: productView(product, ctx.language), compatibility: { ...result, gpuId: undefined } },
        effects: { products: [product], compatibility: result },
      };
    },
  };
}
