// Turns a shopper's message (Spanish or English) into constraints. Deterministic and
// fast: regular phrase matchers, no model. Each part lives in its own file.
import { parseBudget } from './budget.js';
import { parseBrands } from './brand.js';
import { emptyConstraints, type QueryConstraints } from './constraints.js';
import { parseCaseLengthMm, parsePsuWatts } from './hardware.js';
import type { Language } from './constraints.js';
import { detectLanguage } from './language.js';
import { findModelMentions, toNamedModel } from '../../catalog/gpu-models.js';
import { foldText } from './normalize.js';
import { parseUseCases } from './use-cases.js';
import { parseMinVram } from './vram.js';

const IN_STOCK =
  /\b(?:in stock|en stock|con stock|disponibles?|available now|available today|que tengan stock|ready to ship)\b/;

/** "que consuma menos de 200W", "under 150 watts", "max 220W TDP": the card's own draw, not a PSU. */
const BOARD_POWER =
  /\b(?:consuma|consuman|consume|consumo|gaste|draws?|uses?|using|tdp|tgp|power draw|power consumption)\b[^.?!\d]{0,24}?\b(?:menos de|menor a|maximo|max|hasta|under|below|less than|at most|up to|no mas de)?\s*(\d{2,3})\s?(?:w|watts?|vatios)\b|\b(?:menos de|under|below|less than|at most|max|maximo)\s*(\d{2,3})\s?(?:w|watts?|vatios)\s+(?:de consumo|tdp|tgp|board power|power draw)\b/;

export function parseQuery(message: string, opts: { language?: Language } = {}): QueryConstraints {
  const folded = foldText(message);
  const c = emptyConstraints(detectLanguage(message, opts.language));

  const mentions = findModelMentions(folded, { bareNumbers: true });
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.display)) continue;
    seen.add(m.display);
    c.models.push(toNamedModel(m.display));
  }
  // Model numbers are not budgets, and their family words are not brand filters.
  let rest = folded;
  for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.start)} _model_ ${rest.slice(m.end)}`;

  const draw = rest.match(BOARD_POWER);
  if (draw) {
    c.maxBoardPowerW = Number(draw[1] ?? draw[2]);
    rest = rest.replace(draw[0], ' _power_ ');
  }
  const budget = parseBudget(rest);
  c.budgetMax = budget.max;
  c.budgetMin = budget.min;
  c.minVramGb = parseMinVram(rest);
  const { brands, excludeBrands } = parseBrands(rest);
  c.brands = brands;
  c.excludeBrands = excludeBrands;
  c.useCases = parseUseCases(rest);
  c.psuWatts = parsePsuWatts(rest);
  c.caseMaxLengthMm = parseCaseLengthMm(rest);
  c.inStockOnly = IN_STOCK.test(rest);
  return c;
}
