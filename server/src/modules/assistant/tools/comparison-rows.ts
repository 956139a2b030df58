// The spec table of a comparison: one row per fact, one value per product, and the index of
// the best value where "best" has a direction (lower price, more VRAM, less power...). Rows
// nobody has a value for are left out; a row whose values are all equal marks no best.
import type { ComparisonRow, Gpu } from '@gpu/shared';
import type { Language } from '../query/constraints.js';

type Value = string | number | null;
interface RowSpec {
  key: string;
  label: Record<Language, string>;
  value(p: Gpu, language: Language): Value;
  better?: 'min' | 'max';
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Relative performance per $100, the "value" a comparison weighs price against. */
export const perfPer100 = (p: Gpu): number | null => {
  const perf = num(p.specs.perfIndex);
  return perf === null || p.price <= 0 ? null : Math.round((perf / p.price) * 100 * 100) / 100;
};

const ROWS: RowSpec[] = [
  { key: 'price', label: { es: 'Precio (USD)', en: 'Price (USD)' }, value: (p) => p.price, better: 'min' },
  { key: 'vramGb', label: { es: 'VRAM (GB)', en: 'VRAM (GB)' }, value: (p) => p.vramGb, better: 'max' },
  {
    key: 'perfIndex',
    label: { es: 'Rendimiento relativo (RTX 4090 = 100)', en: 'Relative performance (RTX 4090 = 100)' },
    value: (p) => num(p.specs.perfIndex),
    better: 'max',
  },
  {
    key: 'value',
    label: { es: 'Rendimiento por cada $100', en: 'Performance per $100' },
    value: perfPer100,
    better: 'max',
  },
  { key: 'aiTops', label: { es: 'IA (TOPS)', en: 'AI (TOPS)' }, value: (p) => num(p.specs.aiTops), better: 'max' },
  {
    key: 'boardPowerW',
    label: { es: 'Consumo (W)', en: 'Board power (W)' },
    value: (p) => num(p.specs.boardPowerW),
    better: 'min',
  },
  {
    key: 'recommendedPsuW',
    label: { es: 'Fuente recomendada (W)', en: 'Recommended PSU (W)' },
    value: (p) => num(p.specs.recommendedPsuW),
    better: 'min',
  },
  {
    key: 'lengthMm',
    label: { es: 'Largo (mm)', en: 'Length (mm)' },
    value: (p) => num(p.specs.lengthMm),
    better: 'min',
  },
  { key: 'slots', label: { es: 'Slots', en: 'Slots' }, value: (p) => num(p.specs.slots), better: 'min' },
  { key: 'memoryType', label: { es: 'Memoria', en: 'Memory' }, value: (p) => str(p.specs.memoryType) },
  {
    key: 'memoryBusBits',
    label: { es: 'Bus de memoria (bits)', en: 'Memory bus (bits)' },
    value: (p) => num(p.specs.memoryBusBits),
    better: 'max',
  },
  {
    key: 'powerConnectors',
    label: { es: 'Conectores', en: 'Power connectors' },
    value: (p) => str(p.specs.powerConnectors),
  },
  { key: 'outputs', label: { es: 'Salidas', en: 'Outputs' }, value: (p) => str(p.specs.outputs) },
  {
    key: 'stock',
    label: { es: 'Disponibilidad', en: 'Availability' },
    value: (p, l) =>
      p.stock > 0
        ? l === 'es'
          ? `En stock (${p.stock})`
          : `In stock (${p.stock})`
        : l === 'es'
          ? 'Agotada'
          : 'Out of stock',
  },
];

function bestIndex(values: Value[], better: 'min' | 'max'): number | undefined {
  const nums = values.map((v) => (typeof v === 'number' ? v : null));
  const present = nums.filter((v): v is number => v !== null);
  if (present.length < 2 || present.every((v) => v === present[0])) return undefined;
  const target = better === 'min' ? Math.min(...present) : Math.max(...present);
  return nums.indexOf(target);
}

export function comparisonRows(products: Gpu[], language: Language): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const spec of ROWS) {
    const values = products.map((p) => spec.value(p, language));
    if (values.every((v) => v === null)) continue;
    const best = spec.better ? bestIndex(values, spec.better) : undefined;
    rows.push({ key: spec.key, label: spec.label[language], values, ...(best !== undefined ? { best } : {}) });
  }
  return rows;
}
