// Sentences about one product that several answers share: its list line (name, price, VRAM,
// stock, why it fits), stock notes and compatibility results. Product descriptions are never
// copied into an answer, so product data cannot steer it.
import type { Gpu } from '@gpu/shared';
import type { CompatibilityResult } from '../../catalog/compatibility.js';
import { hasAv1Encoder } from '../../catalog/gpu-models.js';
import type { QueryConstraints } from '../query/constraints.js';
import { bold, price, type Phrases } from './phrases.js';

export const MAX_PICKS = 3;

export function stockNote(p: Gpu, t: Phrases): string {
  if (p.stock <= 0) return t.outOfStock;
  if (p.stock <= 3) return t.fewLeft(p.stock);
  return t.inStock;
}

export function reason(p: Gpu, c: QueryConstraints | null, t: Phrases): string {
  const nvidia = p.brand === 'NVIDIA';
  const u = c?.useCases ?? [];
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
  if (u.includes('streaming')) {
    if (nvidia) return t.reasonStreamNv;
    if (hasAv1Encoder(p.name)) return t.reasonStreamAv1;
  }
  return t.reasonGeneric(p.specs.architecture, p.specs.boardPowerW);
}

/** "1. **Name**: $499.99 (16 GB GDDR6, in stock). Why it fits." */
export function pickLine(i: number, p: Gpu, c: QueryConstraints | null, t: Phrases, overBudget: boolean): string {
  const flags = [t.vram(p.vramGb, p.specs.memoryType), stockNote(p, t)];
  if (c?.budgetMax != null && p.price > c.budgetMax && !overBudget) flags.push(t.aboveBudget);
  return `${i + 1}. ${bold(p.name)}: ${price(p.price)} (${flags.join(', ')}). ${reason(p, c, t)}`;
}

export function compatibilityLines(r: CompatibilityResult, t: Phrases): string[] {
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

/** What a list answers ("for 4K gaming under $1,000 with at least 16 GB of VRAM"). */
export function describeRequest(c: QueryConstraints, t: Phrases): string {
  let what = '';
  if (c.useCases.length) what += t.forUse(t.uses(c.useCases));
  if (c.budgetMin !== null && c.budgetMax !== null) what += t.betweenBudget(c.budgetMin, c.budgetMax);
  else if (c.budgetMax !== null) what += t.underBudget(c.budgetMax);
  if (c.minVramGb !== null) what += t.minVram(c.minVramGb);
  if (c.brands.length) what += t.brands(c.brands.join('/'));
  if (c.excludeBrands.length) what += t.excluding(c.excludeBrands.join('/'));
  if (c.psuWatts !== null) what += t.forPsu(c.psuWatts);
  if (c.maxBoardPowerW !== null) what += t.maxPower(c.maxBoardPowerW);
  if (c.caseMaxLengthMm !== null) what += t.fitsCase(c.caseMaxLengthMm);
  if (c.inStockOnly) what += t.inStockOnly;
  return what;
}
