// Brands asked for or ruled out: "nvidia", "geforce", "rtx", "radeon", "amd", "intel arc";
// "no nvidia", "sin AMD", "anything but intel". CUDA only exists on NVIDIA, so asking for
// CUDA asks for NVIDIA. Named models are removed from the text first ("RX 7800 XT vs RTX
// 4070" compares two models; it does not restrict the brand).
import type { Brand } from '@gpu/shared';

const BRAND_WORDS: [Brand, RegExp][] = [
  ['NVIDIA', /\b(?:nvidia|geforce|rtx|gtx|cuda)\b/g],
  ['AMD', /\b(?:amd|radeon|rx|rocm)\b/g],
  ['Intel', /\b(?:intel|arc)\b/g],
];
const NEGATION =
  /(?:\bno\b|\bnot\b|\bsin\b|\bexcept\b|\bexcepto\b|\bavoid\b|\bevitar\b|\bevita\b|\bnada de\b|\banything but\b|\bother than\b|\bque no sea\b|\bninguna\b|\bnunca\b|\bni\b)\s*(?:una?\s+|de\s+|the\s+|la\s+)?(?:\w+\s+)?$/;

export function parseBrands(foldedWithoutModels: string): { brands: Brand[]; excludeBrands: Brand[] } {
  const brands = new Set<Brand>();
  const excludeBrands = new Set<Brand>();
  for (const [brand, re] of BRAND_WORDS) {
    for (const m of foldedWithoutModels.matchAll(re)) {
      const before = foldedWithoutModels.slice(Math.max(0, (m.index ?? 0) - 20), m.index);
      (NEGATION.test(before) ? excludeBrands : brands).add(brand);
    }
  }
  for (const b of excludeBrands) brands.delete(b);
  return { brands: [...brands], excludeBrands: [...excludeBrands] };
}
