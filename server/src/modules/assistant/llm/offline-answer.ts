// Writes the offline answer from facts alone: the retrieved products (exact names and
// prices), the shopper's constraints and the compatibility results, in their language.
// Product descriptions are never copied into the answer, so product data cannot steer it.
import type { Gpu } from '@gpu/shared';
import type { CompatibilityResult } from '../compatibility.js';
import type { QueryConstraints } from '../query/constraints.js';
import type { AnswerFacts } from './provider.js';
import { phrases, price, type Phrases } from './offline-phrases.js';

export const MAX_PICKS = 3;

function intro(f: AnswerFacts, t: Phrases): string {
  const c = f.constraints;
  if (f.products.length === 0) return t.noResults;
  if (f.overBudget && c.budgetMax !== null) return t.nothingInBudget(c.budgetMax);
  // "¿me sirve una RX 7800 XT...?": answer about the card they named, when we carry it.
  const named = c.models.find((m) => !f.missingModels.includes(m.display));
  if (named && f.compatibility.length) return t.aboutNamed(named.display);
  let what = '';
  if (c.useCases.length) what += t.forUse(t.uses(c.useCases));
  if (c.budgetMin !== null && c.budgetMax !== null) what += t.betweenBudget(c.budgetMin, c.budgetMax);
  else if (c.budgetMax !== null) what += t.underBudget(c.budgetMax);
  if (c.minVramGb !== null) what += t.minVram(c.minVramGb);
  if (c.brands.length) what += t.brands(c.brands.join('/'));
  return t.picksFor(what);
}

function reason(p: Gpu, c: QueryConstraints, t: Phrases): string {
  const nvidia = p.brand === 'NVIDIA';
  const av1 = /\b(?:RTX [45]0\d0|RX [79]\d{3}|Arc)\b/i.test(p.name);
  const u = c.useCases;
  if (u.includes('ml')) return nvidia ? t.reasonMlCuda(p.vramGb) : t.reasonMlNoCuda(p.vramGb);
  if (u.includes('gaming-4k'))
    return p.vramGb >= 16
      ? t.reason4kBig(p.vramGb)
      : p.vramGb >= 12
        ? t.reason4kOk(p.vramGb)
        : t.reason4kSmall(p.vramGb);
  if (u.includes('video-editing')) return t.reasonVideo(p.vramGb, nvidia);
  if (u.includes('gaming-1440p')) return t.reason1440;
  if (u.includes('gaming-1080p')) return t.reason1080;
  if (u.includes('streaming'))
    return nvidia
      ? t.reasonStreamNv
      : av1
        ? t.reasonStreamAv1
        : t.reasonGeneric(p.specs.architecture, p.specs.boardPowerW);
  return t.reasonGeneric(p.specs.architecture, p.specs.boardPowerW);
}

function stockNote(p: Gpu, t: Phrases): string {
  if (p.stock <= 0) return t.outOfStock;
  if (p.stock <= 3) return t.fewLeft(p.stock);
  return t.inStock;
}

function compatibilityLines(r: CompatibilityResult, t: Phrases): string[] {
  const lines: string[] = [];
  const psu = r.psu;
  if (psu && psu.recommendedW !== null && psu.estimatedSystemW !== null && psu.boardPowerW !== null) {
    if (psu.verdict === 'fits') lines.push(t.psuFits(psu.psuW, psu.recommendedW));
    else if (psu.verdict === 'marginal')
      lines.push(t.psuMarginal(psu.psuW, psu.boardPowerW, psu.estimatedSystemW, psu.recommendedW));
    else lines.push(t.psuLow(psu.psuW, psu.estimatedSystemW, psu.recommendedW));
  }
  const len = r.length;
  if (len && len.cardMm !== null) {
    const mm = Math.round(len.cardMm);
    if (len.verdict === 'fits') lines.push(t.lenFits(mm, len.clearanceMm));
    else if (len.verdict === 'marginal') lines.push(t.lenTight(mm, len.clearanceMm));
    else lines.push(t.lenLong(mm, len.clearanceMm));
  }
  if (psu) {
    if (r.connectors.kind === 'adapter') lines.push(t.connAdapter(r.connectors.connectors ?? '16-pin'));
    else if (r.connectors.kind === 'cables') lines.push(t.connCables(r.connectors.eightPinCables));
    else if (r.connectors.kind === 'none') lines.push(t.connNone);
  }
  return lines;
}

export function composeOfflineAnswer(f: AnswerFacts): string {
  const c = f.constraints;
  const t = phrases[c.language];
  const out: string[] = [];
  if (f.missingModels.length) out.push(t.missingModel);
  out.push(intro(f, t));
  const picks = f.products.slice(0, MAX_PICKS);
  picks.forEach((p, i) => {
    const flags = [t.vram(p.vramGb, p.specs.memoryType), stockNote(p, t)];
    if (c.budgetMax !== null && p.price > c.budgetMax && !f.overBudget) flags.push(t.aboveBudget);
    out.push(`${i + 1}. **${p.name}**: ${price(p.price)} (${flags.join(', ')}). ${reason(p, c, t)}`);
    const compat = f.compatibility.find((r) => r.gpuId === p.id);
    for (const line of compat ? compatibilityLines(compat, t) : []) out.push(`   - ${line}`);
  });
  if (picks.length) out.push(t.closing);
  return out.join('\n');
}
