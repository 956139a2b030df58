// The offline responder's sentences, in Spanish and English. Kept apart from the logic
// that chooses them so both languages stay side by side and complete.
import type { Language, UseCase } from '../query/constraints.js';

export const usd = (n: number): string =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
/** Product prices always show cents, exactly as the catalog stores them. */
export const price = (n: number): string =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const USE_LABEL: Record<Language, Record<UseCase, string>> = {
  en: {
    'gaming-4k': '4K gaming',
    'gaming-1440p': '1440p gaming',
    'gaming-1080p': '1080p gaming',
    gaming: 'gaming',
    ml: 'machine learning and local AI',
    'video-editing': 'video editing',
    streaming: 'streaming',
  },
  es: {
    'gaming-4k': 'gaming en 4K',
    'gaming-1440p': 'gaming en 1440p',
    'gaming-1080p': 'gaming en 1080p',
    gaming: 'juegos',
    ml: 'IA y machine learning local',
    'video-editing': 'edición de video',
    streaming: 'streaming',
  },
};

const en = {
  uses: (u: UseCase[]) => u.map((x) => USE_LABEL.en[x]).join(' and '),
  picksFor: (what: string) => `Here are my picks${what}:`,
  forUse: (uses: string) => ` for ${uses}`,
  underBudget: (b: number) => ` under ${usd(b)}`,
  betweenBudget: (lo: number, hi: number) => ` between ${usd(lo)} and ${usd(hi)}`,
  minVram: (gb: number) => ` with at least ${gb} GB of VRAM`,
  brands: (b: string) => ` from ${b}`,
  nothingInBudget: (b: number) =>
    `Nothing in our catalog fits a budget of ${usd(b)} with those requirements. These are the closest options, all above your budget:`,
  noResults:
    "I couldn't find a GPU in our catalog that matches all of that. Try a higher budget, less VRAM or another brand, and I'll look again.",
  missingModel: 'We do not carry the exact model you named right now; here is what we have instead.',
  aboutNamed: (name: string) => `About the ${name}:`,
  outOfStock: 'out of stock',
  fewLeft: (n: number) => `only ${n} left`,
  inStock: 'in stock',
  aboveBudget: 'above your budget',
  vram: (gb: number, type?: string) => `${gb} GB${type ? ` ${type}` : ''}`,
  reason4kBig: (gb: number) => `${gb} GB of VRAM leaves headroom for 4K textures.`,
  reason4kOk: (gb: number) => `${gb} GB handles 4K with some settings lowered.`,
  reason4kSmall: (gb: number) => `With ${gb} GB it is better suited to 1440p than 4K.`,
  reason1440: 'A strong fit for high-refresh 1440p gaming.',
  reason1080: 'Plenty for 1080p at high frame rates.',
  reasonMlCuda: (gb: number) => `CUDA support and ${gb} GB of VRAM for local models.`,
  reasonMlNoCuda: (gb: number) => `${gb} GB of VRAM, but no CUDA: check that your ML tools support this card.`,
  reasonVideo: (gb: number, nvenc: boolean) =>
    `${gb} GB of VRAM helps with 4K timelines and effects${nvenc ? ', and NVENC speeds up exports' : ''}.`,
  reasonStreamNv: 'The NVENC encoder keeps streaming smooth while you play.',
  reasonStreamAv1: 'Hardware AV1 encoding for sharp streams.',
  reasonGeneric: (arch: string | undefined, w: number | undefined) =>
    `${arch ? `${arch} architecture` : 'A solid card'}${w ? `, ${w} W board power` : ''}.`,
  psuFits: (psu: number, rec: number) => `With your ${psu} W power supply: it fits (${rec} W recommended).`,
  psuMarginal: (psu: number, board: number, sys: number, rec: number) =>
    `With your ${psu} W power supply: tight. The card draws about ${board} W (about ${sys} W for the whole system) and ${rec} W is recommended; it can work with a quality unit and a modest CPU.`,
  psuLow: (psu: number, sys: number, rec: number) =>
    `With your ${psu} W power supply: not enough (${rec} W recommended, about ${sys} W system draw under load).`,
  lenFits: (len: number, clr: number) => `At ${len} mm it fits your ${clr} mm case.`,
  lenTight: (len: number, clr: number) => `At ${len} mm it fits your ${clr} mm case with little room to spare.`,
  lenLong: (len: number, clr: number) => `At ${len} mm it is too long for your ${clr} mm case.`,
  connAdapter: (conn: string) =>
    `Power: ${conn}; use a native 16-pin cable from an ATX 3.x power supply, or the included adapter.`,
  connCables: (n: number) => `Power: needs ${n} separate 8-pin PCIe cables.`,
  connNone: 'Power: no external connector needed (slot power).',
  closing: 'Prices and stock are live from our catalog.',
};

export type Phrases = typeof en;

// Typed as Phrases: a sentence missing in Spanish is a compile error.
const es: Phrases = {
  uses: (u: UseCase[]) => u.map((x) => USE_LABEL.es[x]).join(' y '),
  picksFor: (what: string) => `Estas son mis recomendaciones${what}:`,
  forUse: (uses: string) => ` para ${uses}`,
  underBudget: (b: number) => ` por debajo de ${usd(b)}`,
  betweenBudget: (lo: number, hi: number) => ` entre ${usd(lo)} y ${usd(hi)}`,
  minVram: (gb: number) => ` con al menos ${gb} GB de VRAM`,
  brands: (b: string) => ` de ${b}`,
  nothingInBudget: (b: number) =>
    `No hay nada en nuestro catálogo que cumpla esos requisitos con un presupuesto de ${usd(b)}. Estas son las opciones más cercanas, todas por encima de tu presupuesto:`,
  noResults:
    'No encontré ninguna GPU en el catálogo que cumpla todo eso. Prueba con un presupuesto mayor, menos VRAM u otra marca y vuelvo a buscar.',
  missingModel: 'Ahora mismo no tenemos el modelo exacto que mencionas; esto es lo que sí tenemos.',
  aboutNamed: (name: string) => `Sobre la ${name}:`,
  outOfStock: 'sin stock',
  fewLeft: (n: number) => `quedan solo ${n}`,
  inStock: 'en stock',
  aboveBudget: 'por encima de tu presupuesto',
  vram: (gb: number, type?: string) => `${gb} GB${type ? ` ${type}` : ''}`,
  reason4kBig: (gb: number) => `Sus ${gb} GB de VRAM dan margen para texturas en 4K.`,
  reason4kOk: (gb: number) => `Con ${gb} GB maneja 4K bajando algunos ajustes.`,
  reason4kSmall: (gb: number) => `Con ${gb} GB rinde mejor en 1440p que en 4K.`,
  reason1440: 'Muy buena opción para 1440p con altas tasas de refresco.',
  reason1080: 'De sobra para 1080p con muchos FPS.',
  reasonMlCuda: (gb: number) => `Soporte CUDA y ${gb} GB de VRAM para modelos locales.`,
  reasonMlNoCuda: (gb: number) =>
    `${gb} GB de VRAM, pero sin CUDA: revisa que tus herramientas de IA soporten esta tarjeta.`,
  reasonVideo: (gb: number, nvenc: boolean) =>
    `${gb} GB de VRAM ayudan con líneas de tiempo en 4K y efectos${nvenc ? ', y NVENC acelera las exportaciones' : ''}.`,
  reasonStreamNv: 'El codificador NVENC mantiene fluido el streaming mientras juegas.',
  reasonStreamAv1: 'Codificación AV1 por hardware para streams nítidos.',
  reasonGeneric: (arch: string | undefined, w: number | undefined) =>
    `${arch ? `Arquitectura ${arch}` : 'Una tarjeta sólida'}${w ? `, ${w} W de consumo` : ''}.`,
  psuFits: (psu: number, rec: number) => `Con tu fuente de ${psu} W: es compatible (se recomiendan ${rec} W).`,
  psuMarginal: (psu: number, board: number, sys: number, rec: number) =>
    `Con tu fuente de ${psu} W: va justa. La tarjeta consume unos ${board} W (unos ${sys} W el sistema completo) y se recomiendan ${rec} W; puede funcionar con una fuente de calidad y una CPU modesta.`,
  psuLow: (psu: number, sys: number, rec: number) =>
    `Con tu fuente de ${psu} W: no alcanza (se recomiendan ${rec} W y el sistema consumiría unos ${sys} W en carga).`,
  lenFits: (len: number, clr: number) => `Con ${len} mm cabe en tu gabinete de ${clr} mm.`,
  lenTight: (len: number, clr: number) => `Con ${len} mm cabe en tu gabinete de ${clr} mm, pero muy justa.`,
  lenLong: (len: number, clr: number) => `Con ${len} mm es demasiado larga para tu gabinete de ${clr} mm.`,
  connAdapter: (conn: string) =>
    `Alimentación: ${conn}; usa un cable nativo de 16 pines de una fuente ATX 3.x o el adaptador incluido.`,
  connCables: (n: number) => `Alimentación: necesita ${n} cables PCIe de 8 pines separados.`,
  connNone: 'Alimentación: no necesita conector externo (se alimenta del slot).',
  closing: 'Precios y stock en vivo de nuestro catálogo.',
};

export const phrases: Record<Language, Phrases> = { en, es };
