// What an answer records for the admin insights (messages.meta): the question, what was
// understood, what was shown, and what the shopper could not get (nothing within budget,
// out-of-stock cards they asked for, models we do not carry). Searches only count toward
// "zero results": a cart action that shows no list is not a failed search.
import type { Gpu } from '@gpu/shared';
import type { TurnKind } from '../conversation/state.js';
import type { Understood } from '../conversation/understand-turn.js';
import type { ExecutedCall } from '../tools/registry.js';

export function turnAnalytics(t: {
  job: { message: string };
  kind: TurnKind;
  understood: Understood;
  calls: ExecutedCall[];
  products: Gpu[];
}) {
  const searches = t.calls.flatMap((c) =>
    c.name === 'search_products' && c.result.ok ? [c.result.effects.search] : [],
  );
  const last = searches.at(-1);
  const c = t.understood.kind === 'search' ? t.understood.constraints : null;
  return {
    query: t.job.message.slice(0, 300),
    kind: t.kind,
    intent: t.understood.kind,
    ...(c
      ? {
          constraints: {
            budgetMax: c.budgetMax,
            budgetMin: c.budgetMin,
            minVramGb: c.minVramGb,
            brands: c.brands,
            excludeBrands: c.excludeBrands,
            useCases: c.useCases,
            models: c.models.map((m) => m.display),
            psuWatts: c.psuWatts,
            caseMaxLengthMm: c.caseMaxLengthMm,
          },
        }
      : {}),
    tools: t.calls.map((x) => ({ name: x.name, ok: x.result.ok })),
    productIds: t.products.map((p) => p.id),
    ...(t.kind === 'search' ? { resultCount: t.products.length } : {}),
    outOfStockProductIds: [...new Set(searches.flatMap((s) => s?.outOfStockIds ?? []))],
    missingModels: [...new Set(searches.flatMap((s) => s?.missingModels ?? []))],
    ...(last ? { overBudget: last.overBudget, budget: last.budget } : {}),
  };
}
