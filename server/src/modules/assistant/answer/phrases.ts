// The offline planner's sentences, in English and Spanish, side by side. Spanish is typed
// as the English table, so a sentence missing in one language is a compile error. Product
// names and prices are always passed in from tool results; nothing here names a product.
import type { SearchSort, UseCase } from '@gpu/shared';
import type { Language } from '../query/constraints.js';

export const usd = (n: number): string =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
/** Product prices always show cents, exactly as the catalog stores them. */
export const price = (n: number): string =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const bold = (name: string): string => `**${name}**`;

const USE_LABEL: Record<Language, Record<UseCase, string>> = {
  en: {
    'gaming-4k': '4K gaming',
    'gaming-1440p': '1440p gaming',
    'gaming-1080p': '1080p gaming',
    gaming: 'gaming',
    ml: 'machine learning and local AI',
    'video-editing': 'video editing',
    streaming: 'streaming',
    'low-power': 'low power draw',
  },
  es: {
    'gaming-4k': 'gaming en 4K',
    'gaming-1440p': 'gaming en 1440p',
    'gaming-1080p': 'gaming en 1080p',
    gaming: 'juegos',
    ml: 'IA y machine learning local',
    'video-editing': 'edición de video',
    streaming: 'streaming',
    'low-power': 'bajo consumo',
  },
};

type Sorted = Exclude<SearchSort, 'relevance'>;

const en = {
  uses: (u: UseCase[]) => u.map((x) => USE_LABEL.en[x]).join(' and '),
  picksFor: (what: string) => `Here are my picks${what}:`,
  forUse: (uses: string) => ` for ${uses}`,
  underBudget: (b: number) => ` under ${usd(b)}`,
  betweenBudget: (lo: number, hi: number) => ` between ${usd(lo)} and ${usd(hi)}`,
  minVram: (gb: number) => ` with at least ${gb} GB of VRAM`,
  brands: (b: string) => ` from ${b}`,
  excluding: (b: string) => `, no ${b}`,
  inStockOnly: ' in stock',
  maxPower: (w: number) => `, drawing at most ${w} W`,
  fitsCase: (mm: number) => `, up to ${mm} mm long`,
  forPsu: (w: number) => ` that your ${w} W power supply can run`,
  sortedFirst: {
    price: (what: string, name: string, p: string) => `The cheapest card${what} is ${name} at ${p}.`,
    '-price': (what: string, name: string, p: string) => `The most expensive card${what} is ${name} at ${p}.`,
    '-vramGb': (what: string, name: string, p: string, gb: number) =>
      `The card with the most VRAM${what} is ${name}, with ${gb} GB, at ${p}.`,
    '-performance': (what: string, name: string, p: string) => `The most powerful card${what} is ${name}, at ${p}.`,
    '-value': (what: string, name: string, p: string) => `The best performance per dollar${what} is ${name}, at ${p}.`,
    power: (what: string, name: string, p: string) => `The card that draws the least power${what} is ${name}, at ${p}.`,
  } satisfies Record<Sorted, (what: string, name: string, p: string, gb: number) => string>,
  sortedRest: 'Next in line:',
  relative: {
    cheaper: (name: string, p: string) => `Cheaper than the ${name} (${p}), keeping the rest of your request:`,
    'more-powerful': (name: string) => `More powerful than the ${name}:`,
    'less-power': (name: string, w: number | null) => `Drawing less power than the ${name}${w ? ` (${w} W)` : ''}:`,
    'more-vram': (name: string, gb: number) => `With more VRAM than the ${name} (${gb} GB):`,
    smaller: (name: string, mm: number | null) => `Shorter than the ${name}${mm ? ` (${mm} mm)` : ''}:`,
  },
  nothingInBudget: (b: number) =>
    `Nothing in our catalog fits a budget of ${usd(b)} with those requirements. These are the closest options, all above your budget:`,
  noResults:
    "I couldn't find a GPU in our catalog that matches all of that. Try a higher budget, less VRAM or another brand, and I'll look again.",
  missingModel: (models: string) => `We do not carry the ${models} right now; here is what we have instead.`,
  outOfStock: 'out of stock',
  fewLeft: (n: number) => `only ${n} left`,
  inStock: 'in stock',
  aboveBudget: 'above your budget',
  vram: (gb: number, type?: string) => `${gb} GB${type ? ` ${type}` : ''}`,
  perf: (n: number) => `performance index ${n}`,
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
  // Ranking the cards shown.
  rankShown: {
    price: (name: string, p: string) => `Of those, the cheapest is ${name} at ${p}.`,
    '-price': (name: string, p: string) => `Of those, the most expensive is ${name} at ${p}.`,
    '-vramGb': (name: string, p: string, gb: number) => `Of those, ${name} has the most VRAM: ${gb} GB (${p}).`,
    '-performance': (name: string, p: string) => `Of those, the most powerful is ${name} (${p}).`,
    '-value': (name: string, p: string) => `Of those, ${name} gives the best performance per dollar (${p}).`,
    power: (name: string, p: string) => `Of those, ${name} draws the least power (${p}).`,
  } satisfies Record<Sorted, (name: string, p: string, gb: number) => string>,
  rankedOrder: 'In order:',
  // Comparisons.
  compareIntro: (names: string) => `Here is how the ${names} compare (the table has every spec):`,
  compareCheapest: (name: string, p: string) => `Cheapest: ${name} at ${p}.`,
  compareVram: (name: string, gb: number) => `Most VRAM: ${name} with ${gb} GB.`,
  compareFastest: (name: string, n: number) => `Fastest: ${name} (performance index ${n}).`,
  compareValue: (name: string) => `Best performance per dollar: ${name}.`,
  compareLeastPower: (name: string, w: number) => `Lowest power draw: ${name} at ${w} W.`,
  compareNeedTwo: 'I need two to four cards to compare. Tell me which ones (for example "the first and the third").',
  // Questions about one card.
  about: (name: string) => `About the ${name}:`,
  powerLine: (board: number | null, rec: number | null) =>
    [board ? `it draws about ${board} W (board power)` : null, rec ? `a ${rec} W power supply is recommended` : null]
      .filter(Boolean)
      .join('; ') + '.',
  askPsu: 'Tell me your power supply wattage and I will check it.',
  lengthLine: (mm: number | null, slots: number | null) =>
    `${mm ? `It is ${mm} mm long` : 'I do not have its length'}${slots ? ` and takes ${slots} slots` : ''}.`,
  askCase: 'Tell me how much room your case has (in mm) and I will check the fit.',
  connectorsLine: (c: string) => `Power connectors: ${c}.`,
  outputsLine: (o: string) => `Display outputs: ${o}.`,
  vramLine: (gb: number, type?: string, bus?: number) =>
    `It has ${gb} GB of ${type ?? 'VRAM'}${bus ? ` on a ${bus}-bit bus` : ''}.`,
  priceLine: (p: string, stock: string) => `It costs ${p} and is ${stock}.`,
  stockLine: (stock: string) => `Right now it is ${stock}.`,
  specsLine: (facts: string) => `${facts}.`,
  unknownFact: 'I do not have that figure for this card.',
  notCarried: (model: string) => `We do not carry the ${model} right now.`,
  // Cart.
  added: (name: string, q: number) => `Added ${name} to your cart${q > 1 ? ` (${q} units)` : ''}.`,
  setDone: (name: string, q: number) => `Your cart now has ${q} × ${name}.`,
  removed: (name: string) => `Removed ${name} from your cart.`,
  cartTotal: (t: string) => `Cart total: ${t}.`,
  checkoutLink: '[Go to checkout](/checkout) when you are ready; I cannot pay for you from the chat.',
  signInRequired: 'To use the cart, please [sign in](/login) first; then I can add it for you.',
  outOfStockRefusal: (name: string) =>
    `${name} is out of stock (or your cart already has every unit), so I can't add it. Want me to look for alternatives?`,
  notFoundRefusal: 'I could not find that card in our catalog.',
  whichToAdd: 'Which card should I add? Tell me its position (for example "the first one") or its name.',
  whichToRemove: 'Which card should I remove from your cart?',
  cartEmpty: 'Your cart is empty.',
  cartHeader: 'Your cart:',
  cartLine: (name: string, q: number, p: string) => `${q} × ${name} (${p} each)`,
  checkoutIntro: 'Checkout happens on the checkout page, never in the chat: [go to checkout](/checkout).',
  // Conversation.
  clarify:
    'Happy to help! What will you use it for (gaming at which resolution, AI, video editing...) and roughly how much do you want to spend?',
  picksIntro: 'Here are well-balanced picks with the best performance per dollar in stock right now:',
  greeting: 'Hi! I can help you find a GPU, compare cards, check stock and fill your cart. What are you looking for?',
  thanks: 'You are welcome! Anything else I can help you with?',
  storeInfo:
    'I can help you choose a GPU, check live stock and prices, and fill your cart; shipping and payment options are shown at [checkout](/checkout).',
  outOfScope:
    'I can only help with graphics cards and your order in this store. Are you looking for a GPU for something in particular?',
};

export type Phrases = typeof en;

const es: Phrases = {
  uses: (u: UseCase[]) => u.map((x) => USE_LABEL.es[x]).join(' y '),
  picksFor: (what: string) => `Estas son mis recomendaciones${what}:`,
  forUse: (uses: string) => ` para ${uses}`,
  underBudget: (b: number) => ` por debajo de ${usd(b)}`,
  betweenBudget: (lo: number, hi: number) => ` entre ${usd(lo)} y ${usd(hi)}`,
  minVram: (gb: number) => ` con al menos ${gb} GB de VRAM`,
  brands: (b: string) => ` de ${b}`,
  excluding: (b: string) => `, sin ${b}`,
  inStockOnly: ' en stock',
  maxPower: (w: number) => `, de hasta ${w} W de consumo`,
  fitsCase: (mm: number) => `, de hasta ${mm} mm de largo`,
  forPsu: (w: number) => ` que tu fuente de ${w} W puede alimentar`,
  sortedFirst: {
    price: (what: string, name: string, p: string) => `La tarjeta más barata${what} es ${name}, a ${p}.`,
    '-price': (what: string, name: string, p: string) => `La tarjeta más cara${what} es ${name}, a ${p}.`,
    '-vramGb': (what: string, name: string, p: string, gb: number) =>
      `La tarjeta con más VRAM${what} es ${name}, con ${gb} GB, a ${p}.`,
    '-performance': (what: string, name: string, p: string) => `La tarjeta más potente${what} es ${name}, a ${p}.`,
    '-value': (what: string, name: string, p: string) =>
      `La mejor relación rendimiento/precio${what} es ${name}, a ${p}.`,
    power: (what: string, name: string, p: string) => `La tarjeta que menos consume${what} es ${name}, a ${p}.`,
  },
  sortedRest: 'Le siguen:',
  relative: {
    cheaper: (name: string, p: string) => `Más baratas que la ${name} (${p}), manteniendo el resto de tu pedido:`,
    'more-powerful': (name: string) => `Más potentes que la ${name}:`,
    'less-power': (name: string, w: number | null) => `Con menor consumo que la ${name}${w ? ` (${w} W)` : ''}:`,
    'more-vram': (name: string, gb: number) => `Con más VRAM que la ${name} (${gb} GB):`,
    smaller: (name: string, mm: number | null) => `Más cortas que la ${name}${mm ? ` (${mm} mm)` : ''}:`,
  },
  nothingInBudget: (b: number) =>
    `No hay nada en nuestro catálogo que cumpla esos requisitos con un presupuesto de ${usd(b)}. Estas son las opciones más cercanas, todas por encima de tu presupuesto:`,
  noResults:
    'No encontré ninguna GPU en el catálogo que cumpla todo eso. Prueba con un presupuesto mayor, menos VRAM u otra marca y vuelvo a buscar.',
  missingModel: (models: string) => `Ahora mismo no tenemos la ${models}; esto es lo que sí tenemos.`,
  outOfStock: 'sin stock',
  fewLeft: (n: number) => `quedan solo ${n}`,
  inStock: 'en stock',
  aboveBudget: 'por encima de tu presupuesto',
  vram: (gb: number, type?: string) => `${gb} GB${type ? ` ${type}` : ''}`,
  perf: (n: number) => `índice de rendimiento ${n}`,
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
  rankShown: {
    price: (name: string, p: string) => `De esas, la más barata es ${name}, a ${p}.`,
    '-price': (name: string, p: string) => `De esas, la más cara es ${name}, a ${p}.`,
    '-vramGb': (name: string, p: string, gb: number) => `De esas, la que tiene más VRAM es ${name}: ${gb} GB (${p}).`,
    '-performance': (name: string, p: string) => `De esas, la más potente es ${name} (${p}).`,
    '-value': (name: string, p: string) => `De esas, ${name} tiene la mejor relación rendimiento/precio (${p}).`,
    power: (name: string, p: string) => `De esas, la que menos consume es ${name} (${p}).`,
  },
  rankedOrder: 'En orden:',
  compareIntro: (names: string) => `Así se comparan la ${names} (la tabla tiene todas las especificaciones):`,
  compareCheapest: (name: string, p: string) => `Más barata: ${name}, a ${p}.`,
  compareVram: (name: string, gb: number) => `Más VRAM: ${name}, con ${gb} GB.`,
  compareFastest: (name: string, n: number) => `Más potente: ${name} (índice de rendimiento ${n}).`,
  compareValue: (name: string) => `Mejor rendimiento por dólar: ${name}.`,
  compareLeastPower: (name: string, w: number) => `Menor consumo: ${name}, con ${w} W.`,
  compareNeedTwo:
    'Necesito de dos a cuatro tarjetas para comparar. Dime cuáles (por ejemplo "la primera y la tercera").',
  about: (name: string) => `Sobre la ${name}:`,
  powerLine: (board: number | null, rec: number | null) =>
    [
      board ? `consume unos ${board} W (consumo de la tarjeta)` : null,
      rec ? `se recomienda una fuente de ${rec} W` : null,
    ]
      .filter(Boolean)
      .join('; ') + '.',
  askPsu: 'Dime de cuántos watts es tu fuente y lo reviso.',
  lengthLine: (mm: number | null, slots: number | null) =>
    `${mm ? `Mide ${mm} mm de largo` : 'No tengo su largo'}${slots ? ` y ocupa ${slots} slots` : ''}.`,
  askCase: 'Dime cuánto espacio tiene tu gabinete (en mm) y reviso si cabe.',
  connectorsLine: (c: string) => `Conectores de alimentación: ${c}.`,
  outputsLine: (o: string) => `Salidas de video: ${o}.`,
  vramLine: (gb: number, type?: string, bus?: number) =>
    `Tiene ${gb} GB de ${type ?? 'VRAM'}${bus ? ` en un bus de ${bus} bits` : ''}.`,
  priceLine: (p: string, stock: string) => `Cuesta ${p} y está ${stock}.`,
  stockLine: (stock: string) => `Ahora mismo está ${stock}.`,
  specsLine: (facts: string) => `${facts}.`,
  unknownFact: 'No tengo ese dato para esta tarjeta.',
  notCarried: (model: string) => `Ahora mismo no tenemos la ${model}.`,
  added: (name: string, q: number) => `Agregué ${name} a tu carrito${q > 1 ? ` (${q} unidades)` : ''}.`,
  setDone: (name: string, q: number) => `Tu carrito ahora tiene ${q} × ${name}.`,
  removed: (name: string) => `Quité ${name} de tu carrito.`,
  cartTotal: (t: string) => `Total del carrito: ${t}.`,
  checkoutLink: 'Cuando quieras, [ve a pagar](/checkout); desde el chat no puedo cobrarte.',
  signInRequired: 'Para usar el carrito primero [inicia sesión](/login); después la agrego por ti.',
  outOfStockRefusal: (name: string) =>
    `${name} está sin stock (o tu carrito ya tiene todas las unidades), así que no la puedo agregar. ¿Te busco alternativas?`,
  notFoundRefusal: 'No encontré esa tarjeta en nuestro catálogo.',
  whichToAdd: '¿Cuál agrego? Dime su posición (por ejemplo "la primera") o su nombre.',
  whichToRemove: '¿Cuál quito de tu carrito?',
  cartEmpty: 'Tu carrito está vacío.',
  cartHeader: 'Tu carrito:',
  cartLine: (name: string, q: number, p: string) => `${q} × ${name} (${p} c/u)`,
  checkoutIntro: 'El pago se hace en la página de pago, nunca en el chat: [ir a pagar](/checkout).',
  clarify:
    '¡Con gusto te ayudo! ¿Para qué la vas a usar (juegos y a qué resolución, IA, edición de video...) y cuánto quieres gastar más o menos?',
  picksIntro: 'Estas son opciones equilibradas, con el mejor rendimiento por dólar en stock ahora mismo:',
  greeting:
    '¡Hola! Puedo ayudarte a encontrar una GPU, comparar tarjetas, ver el stock y armar tu carrito. ¿Qué estás buscando?',
  thanks: '¡De nada! ¿Te ayudo con algo más?',
  storeInfo:
    'Puedo ayudarte a elegir una GPU, ver stock y precios en vivo y armar tu carrito; las opciones de envío y pago se muestran al [finalizar la compra](/checkout).',
  outOfScope:
    'Solo puedo ayudarte con tarjetas gráficas y tu compra en esta tienda. ¿Buscas una GPU para algo en particular?',
};

export const phrases: Record<Language, Phrases> = { en, es };
