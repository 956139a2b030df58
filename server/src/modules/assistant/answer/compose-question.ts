// Answers about one card: power, power supply, length and fit, connectors, outputs, VRAM,
// price, stock, or a short spec summary, from get_products / check_compatibility results.
import type { Gpu } from '@gpu/shared';
import type { Understood } from '../conversation/understand-turn.js';
import { effectsOf, type ComposeInput } from './compose-input.js';
import { bold, price, type Phrases } from './phrases.js';
import { compatibilityLines, stockNote } from './product-lines.js';

type Question = Extract<Understood, { kind: 'question' }>;

function specsSummary(p: Gpu, t: Phrases): string {
  const s = p.specs;
  const facts = [
    `${price(p.price)}`,
    t.vram(p.vramGb, s.memoryType),
    typeof s.perfIndex === 'number' ? t.perf(s.perfIndex) : null,
    s.boardPowerW ? `${s.boardPowerW} W` : null,
    s.lengthMm ? `${Math.round(s.lengthMm)} mm` : null,
    s.powerConnectors ?? null,
    stockNote(p, t),
  ].filter(Boolean);
  return t.specsLine(facts.join(', '));
}

export function composeQuestion(input: ComposeInput, q: Question | null, t: Phrases): string {
  const product = input.products[0];
  if (!product) {
    const model = q?.target.kind === 'model' ? q.target.model : null;
    return model ? t.notCarried(model) : t.notFoundRefusal;
  }
  const s = product.specs;
  const compat = effectsOf(input.calls, 'check_compatibility').at(-1)?.compatibility;
  const out = [t.about(bold(product.name))];
  const topic = q?.topic ?? 'specs';
  switch (topic) {
    case 'power':
      out.push(
        s.boardPowerW || s.recommendedPsuW
          ? t.powerLine(s.boardPowerW ?? null, s.recommendedPsuW ?? null)
          : t.unknownFact,
      );
      break;
    // A fit question states every check the shopper gave us hardware for (PSU and case).
    case 'psu':
      if (compat?.psu) out.push(...compatibilityLines(compat, t));
      else out.push(t.powerLine(s.boardPowerW ?? null, s.recommendedPsuW ?? null), t.askPsu);
      break;
    case 'length':
      out.push(t.lengthLine(s.lengthMm ? Math.round(s.lengthMm) : null, s.slots ?? null));
      if (compat?.length) out.push(...compatibilityLines(compat, t));
      else out.push(t.askCase);
      break;
    case 'connectors':
      out.push(s.powerConnectors ? t.connectorsLine(s.powerConnectors) : t.unknownFact);
      break;
    case 'outputs':
      out.push(s.outputs ? t.outputsLine(s.outputs) : t.unknownFact);
      break;
    case 'vram':
      out.push(t.vramLine(product.vramGb, s.memoryType, s.memoryBusBits));
      break;
    case 'price':
      out.push(t.priceLine(price(product.price), stockNote(product, t)));
      break;
    case 'stock':
      out.push(t.stockLine(stockNote(product, t)));
      break;
    case 'specs':
      out.push(specsSummary(product, t));
      if (compat) out.push(...compatibilityLines(compat, t));
      break;
  }
  return out.join('\n');
}
