// Deterministic compatibility checks between a card and the shopper's hardware, so the
// answer states facts instead of guessing: power supply watts (with headroom), case
// clearance for the card's length, and what its power connectors need.
import type { GpuSpecs } from '@gpu/shared';

export type Verdict = 'fits' | 'marginal' | 'insufficient' | 'unknown';

/** CPU, board, drives and fans under gaming load: added to the card's board power. */
export const REST_OF_SYSTEM_W = 250;
/** Less free space than this between card and case front is tight (cables, airflow). */
export const LENGTH_MARGIN_MM = 10;

export interface PsuCheck {
  verdict: Verdict;
  psuW: number;
  recommendedW: number | null;
  boardPowerW: number | null;
  estimatedSystemW: number | null;
}
export interface LengthCheck {
  verdict: Verdict;
  cardMm: number | null;
  clearanceMm: number;
}
export interface ConnectorCheck {
  connectors: string | null;
  /** 'adapter' needs a 12V-2x6/12VHPWR cable or adapter; 'cables' needs N separate 8-pin leads. */
  kind: 'none' | 'standard' | 'cables' | 'adapter' | 'unknown';
  eightPinCables: number;
}
export interface CompatibilityResult {
  gpuId: string;
  name: string;
  overall: Verdict;
  psu: PsuCheck | null;
  length: LengthCheck | null;
  connectors: ConnectorCheck;
}

export interface CompatibilityInput {
  psuWatts: number | null;
  caseMaxLengthMm: number | null;
}

export function checkPsu(specs: GpuSpecs, psuW: number): PsuCheck {
  const recommendedW = specs.recommendedPsuW ?? null;
  const boardPowerW = specs.boardPowerW ?? null;
  const estimatedSystemW = boardPowerW !== null ? boardPowerW + REST_OF_SYSTEM_W : null;
  let verdict: Verdict = 'unknown';
  if (recommendedW !== null && psuW >= recommendedW) verdict = 'fits';
  else if (estimatedSystemW !== null && psuW >= estimatedSystemW) verdict = 'marginal';
  else if (estimatedSystemW !== null || recommendedW !== null) verdict = 'insufficient';
  return { verdict, psuW, recommendedW, boardPowerW, estimatedSystemW };
}

export function checkLength(specs: GpuSpecs, clearanceMm: number): LengthCheck {
  const cardMm = specs.lengthMm ?? null;
  let verdict: Verdict = 'unknown';
  if (cardMm !== null) {
    if (cardMm > clearanceMm) verdict = 'insufficient';
    else if (clearanceMm - cardMm < LENGTH_MARGIN_MM) verdict = 'marginal';
    else verdict = 'fits';
  }
  return { verdict, cardMm, clearanceMm };
}

export function checkConnectors(specs: GpuSpecs): ConnectorCheck {
  const c = specs.powerConnectors ?? null;
  if (!c) return { connectors: null, kind: 'unknown', eightPinCables: 0 };
  const lower = c.toLowerCase();
  if (lower.includes('none') || lower.includes('slot')) return { connectors: c, kind: 'none', eightPinCables: 0 };
  if (/12v-?2x6|12vhpwr|16-pin/.test(lower)) return { connectors: c, kind: 'adapter', eightPinCables: 0 };
  let eight = 0;
  for (const m of lower.matchAll(/(\d)x\s?8-pin/g)) eight += Number(m[1]);
  return { connectors: c, kind: eight >= 3 ? 'cables' : 'standard', eightPinCables: eight };
}

const rank: Record<Verdict, number> = { fits: 0, unknown: 1, marginal: 2, insufficient: 3 };

export function checkCompatibility(
  product: { id: string; name: string; specs: GpuSpecs },
  hw: CompatibilityInput,
): CompatibilityResult {
  const psu = hw.psuWatts !== null ? checkPsu(product.specs, hw.psuWatts) : null;
  const length = hw.caseMaxLengthMm !== null ? checkLength(product.specs, hw.caseMaxLengthMm) : null;
  const verdicts = [psu?.verdict, length?.verdict].filter((v): v is Verdict => v !== undefined);
  const overall = verdicts.reduce<Verdict>((worst, v) => (rank[v] > rank[worst] ? v : worst), 'fits');
  return {
    gpuId: product.id,
    name: product.name,
    overall: verdicts.length ? overall : 'unknown',
    psu,
    length,
    connectors: checkConnectors(product.specs),
  };
}

export const needsCompatibility = (hw: CompatibilityInput): boolean =>
  hw.psuWatts !== null || hw.caseMaxLengthMm !== null;
