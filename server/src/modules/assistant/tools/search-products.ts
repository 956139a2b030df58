// search_products: the catalog under the shopper's constraints, by relevance or in a fixed
// order (cheapest, most VRAM, most powerful, best value). When nothing fits the budget the
// result says so and lists the nearest options above it.
import type { SearchProductsArgs } from '@gpu/shared';
import { toNamedModel } from '../../catalog/gpu-models.js';
import { findModelMentions } from '../../catalog/gpu-models.js';
import { emptyConstraints, type Language, type QueryConstraints } from '../query/constraints.js';
import { foldText } from '../query/normalize.js';
import { productView } from './product-view.js';
import type { Tool, ToolDeps } from './tool.js';

export const DEFAULT_SEARCH_LIMIT = 5;

/** The constraints a call stands for (also what the conversation keeps in force). */
export function constraintsFromSearch(args: SearchProductsArgs, language: Language): QueryConstraints {
  const models = [
    ...new Set(findModelMentions(foldText(args.query ?? ''), { bareNumbers: true }).map((m) => m.display)),
  ].map(toNamedModel);
  return {
    ...emptyConstraints(language),
    budgetMax: args.maxPrice ?? null,
    budgetMin: args.minPrice ?? null,
    minVramGb: args.minVramGb ?? null,
    brands: args.brands ?? [],
    excludeBrands: args.excludeBrands ?? [],
    useCases: args.useCase ? [args.useCase] : [],
    models,
    inStockOnly: args.inStockOnly ?? false,
    maxBoardPowerW: args.maxBoardPowerW ?? null,
    minPerfIndex: args.minPerfIndex ?? null,
    caseMaxLengthMm: args.maxLengthMm ?? null,
    psuWatts: args.psuWatts ?? null,
  };
}

export function searchProductsTool(deps: ToolDeps): Tool<'search_products'> {
  return {
    name: 'search_products',
    description:
      'Search the store catalog. Use it for every recommendation, refinement or ranking: pass every constraint in force ' +
      '(budget, VRAM, brands, use, stock, power, length), not only the new one. sort=price gives the cheapest first, ' +
      '-vramGb the most VRAM, -performance the most powerful, -value the best performance per dollar.',
    async run(args, ctx) {
      const constraints = constraintsFromSearch(args, ctx.language);
      const limit = args.limit ?? DEFAULT_SEARCH_LIMIT;
      const found = await deps.retriever.search({
        text: args.query ?? '',
        constraints,
        sort: args.sort ?? 'relevance',
        limit,
      });
      const products = found.products.map((row) => deps.toGpu(row, ctx.language));
      const budget = constraints.budgetMax;
      return {
        ok: true,
        summary: `${products.length}`,
        data: {
          count: products.length,
          nothingWithinBudget: found.overBudget,
          ...(found.missingModels.length ? { modelsNotInCatalog: found.missingModels } : {}),
          products: products.map((p) => productView(p, ctx.language)),
        },
        effects: {
          products,
          search: {
            overBudget: found.overBudget,
            outOfStockIds: found.outOfStockIds,
            missingModels: found.missingModels,
            budget,
          },
        },
      };
    },
  };
}
