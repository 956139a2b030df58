// How a product looks to the model in a tool result: the facts it may quote (exact name,
// price, stock, key specs) and a short description in the shopper's language, as data.
// Text that reads like an instruction is neutralized; the JSON is escaped by the prompt.
import { descriptionIn, type Gpu } from '@gpu/shared';
import { neutralizeInstructions } from '../prompt/neutralize.js';
import type { Language } from '../query/constraints.js';

export const DESCRIPTION_CHARS = 300;

export function productView(p: Gpu, language: Language) {
  const s = p.specs;
  const description = descriptionIn(p.descriptions, language);
  return {
    id: p.id,
    name: p.name,
    brand: p.brand,
    price: p.price,
    vramGb: p.vramGb,
    stock: p.stock > 0 ? p.stock : 0,
    inStock: p.stock > 0,
    perfIndex: s.perfIndex ?? null,
    aiTops: s.aiTops ?? null,
    boardPowerW: s.boardPowerW ?? null,
    recommendedPsuW: s.recommendedPsuW ?? null,
    lengthMm: s.lengthMm ?? null,
    slots: s.slots ?? null,
    powerConnectors: s.powerConnectors ?? null,
    outputs: s.outputs ?? null,
    memoryType: s.memoryType ?? null,
    architecture: s.architecture ?? null,
    description: neutralizeInstructions(description.slice(0, DESCRIPTION_CHARS)),
  };
}
