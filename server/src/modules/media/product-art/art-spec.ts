// What a product's picture shows, derived from its catalog data: the chip brand's colours,
// the cooler (fan count, slot width), the board length and the model name.
import type { Brand, GpuSpecs } from '@gpu/shared';

export interface ArtProduct {
  name: string;
  brand: Brand;
  vramGb: number;
  specs: GpuSpecs;
  /** Read for what the name does not say ("blower"). */
  descriptions?: { en: string };
}

export interface BrandPalette {
  /** The chip maker's colour: accent stripe, fan hubs, dimension line. */
  accent: string;
  /** Background gradient, dark enough for white text at any size (WCAG AA). */
  backdrop: [string, string];
}

export const brandPalettes: Record<Brand, BrandPalette> = {
  NVIDIA: { accent: '#76b900', backdrop: ['#0d1a05', '#1f2a14'] },
  AMD: { accent: '#ed1c24', backdrop: ['#1c0708', '#2b1416'] },
  Intel: { accent: '#0ea5e9', backdrop: ['#041526', '#13233a'] },
};

export interface ArtSpec {
  name: string;
  /** "ASUS · GeForce RTX 40" */
  subtitle: string;
  palette: BrandPalette;
  fans: 1 | 2 | 3;
  /** Cooler thickness in expansion slots (2, 2.5, 3.5, ...). */
  slots: number;
  lengthMm: number | null;
  /** "8 GB GDDR6" */
  memory: string;
  /** A light shroud for white editions, else dark. */
  whiteShroud: boolean;
}

// Model names say the fan count more reliably than length does ("Dual", "VENTUS 2X", "TRIO").
const threeFans = /\b(3X|X3|TRIPLE|TRIO|TRINITY|AMP|EAGLE|AORUS|GAMING OC|STRIX|TUF|NITRO|RED DEVIL|MERC)\b/i;
const twoFans =
  /\b(2X|DUAL|TWIN|FOUNDERS|PULSE|FIGHTER|CHALLENGER|PRIME|SWIFT|LIMITED EDITION|HELLHOUND|STEEL LEGEND)\b/i;
const oneFan = /\b(SINGLE|1X|LOW PROFILE|ITX|SFF|MINI)\b/i;

const blower = /\bblower\b/i;

export function fanCount(name: string, specs: GpuSpecs, description = ''): 1 | 2 | 3 {
  if (oneFan.test(name) || blower.test(name) || blower.test(description)) return 1;
  if (twoFans.test(name)) return 2;
  if (threeFans.test(name)) return 3;
  const length = specs.lengthMm ?? 240;
  if (length < 185) return 1;
  return length < 265 ? 2 : 3;
}

export function artSpec(p: ArtProduct): ArtSpec {
  const partner = p.specs.boardPartner ?? p.brand;
  const series = p.specs.series ?? p.brand;
  return {
    name: p.name,
    subtitle: partner === series ? partner : `${partner} · ${series}`,
    palette: brandPalettes[p.brand],
    fans: fanCount(p.name, p.specs, p.descriptions?.en),
    slots: p.specs.slots ?? 2,
    lengthMm: p.specs.lengthMm ?? null,
    memory: [`${p.vramGb} GB`, p.specs.memoryType].filter(Boolean).join(' '),
    whiteShroud: /\bWHITE\b/i.test(p.name),
  };
}
