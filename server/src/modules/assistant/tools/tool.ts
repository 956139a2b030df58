// One tool the assistant can call: a name and argument schema from shared/ (CONTRACT.md),
// a description for the LLM, and a run function over the product's services. A tool returns
// data for the model (JSON, never instructions) and the effects the shopper sees: products
// to show, a comparison table, a cart action.
import type { Cart, ChatActionEvent, ChatComparisonEvent, Gpu, ToolArgs, ToolName } from '@gpu/shared';
import type { Actor } from '../../auth/actor.js';
import type { CartService } from '../../cart/service.js';
import type { CompatibilityResult } from '../../catalog/compatibility.js';
import type { Language } from '../query/constraints.js';
import type { ProductRow } from '../retrieval/product-row.js';
import type { ProductRetriever, RetrievalResult } from '../retrieval/retriever.js';

export interface ToolContext {
  actor: Actor;
  language: Language;
  signal: AbortSignal;
}

export interface ToolEffects {
  /** Products the result shows, in order (they ground the answer). */
  products?: Gpu[];
  comparison?: Omit<ChatComparisonEvent, 'messageId'>;
  action?: Omit<ChatActionEvent, 'messageId'>;
  cart?: Cart;
  compatibility?: CompatibilityResult;
  /** search_products only: what retrieval found beyond the list (for answers and analytics). */
  search?: Omit<RetrievalResult, 'products'> & { budget: number | null };
}

export type ToolResult =
  { ok: true; data: unknown; summary: string; effects: ToolEffects } | { ok: false; code: string; message: string };

/** Reads products as the API shows them (description in `language`), by id, in the order asked for. */
export type ProductReader = (ids: string[], language?: Language) => Promise<Gpu[]>;

export interface ToolDeps {
  retriever: ProductRetriever;
  products: ProductReader;
  cart: CartService;
  toGpu: (row: ProductRow, language: Language) => Gpu;
}

export interface Tool<N extends ToolName = ToolName> {
  name: N;
  /** For the LLM: what the tool does and when to use it. */
  description: string;
  run(args: ToolArgs<N>, ctx: ToolContext): Promise<ToolResult>;
}

export const fail = (code: string, message: string): ToolResult => ({ ok: false, code, message });
