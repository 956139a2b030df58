// The retrieval evaluation's queries: what shoppers type, in Spanish and English, each with
// the intent a person reads in it (uses, tier, a named model, hard constraints). Grades come
// from these intents and the product facts (judgments.ts), never from a ranking. The two
// lists are written in parallel (query i in one language asks for about what query i in the
// other does, with its own wording and figures), so the languages can be compared.
//
// Fixed split: in each language, every third query (positions 3, 6, 9, ...: index % 3 === 2)
// is held out; ranking changes are made looking at the other two thirds only. Parallel
// queries fall on the same side, so no held-out need leaks in through its translation.
import type { Intent } from './judgments.js';

export interface EvalQuery {
  id: string;
  lang: 'es' | 'en';
  text: string;
  intent: Intent;
  split: 'tune' | 'heldout';
}

type Row = [text: string, intent: Intent];

const es: Row[] = [
  ['tarjeta para jugar en 4K, hasta 1000 dólares', { uses: ['gaming-4k'], hard: { maxPrice: 1000 } }],
  ['GPU para 1440p bajo $600', { uses: ['gaming-1440p'], hard: { maxPrice: 600 } }],
  ['algo barato para jugar en 1080p', { uses: ['gaming-1080p'], tier: 'entry' }],
  ['necesito una tarjeta para machine learning con al menos 16 GB de VRAM', { uses: ['ml'], hard: { minVramGb: 16 } }],
  ['tarjeta para edición de video en 4K, presupuesto 800', { uses: ['video'], hard: { maxPrice: 800 } }],
  ['quiero hacer streaming en Twitch sin gastar más de 400', { uses: ['streaming'], hard: { maxPrice: 400 } }],
  ['una GPU compacta para un gabinete mini-ITX', { uses: ['compact'] }],
  ['tarjeta de bajo consumo, mi fuente es pequeña', { uses: ['low-power'] }],
  ['Radeon para 1440p, máximo 550 dólares', { uses: ['gaming-1440p'], hard: { brands: ['AMD'], maxPrice: 550 } }],
  [
    'NVIDIA con 12 GB para jugar, menos de 500',
    { uses: ['gaming'], hard: { brands: ['NVIDIA'], minVramGb: 12, maxPrice: 500 } },
  ],
  [
    'tarjeta para inteligencia artificial y entrenar modelos, que no sea AMD',
    { uses: ['ml'], hard: { excludeBrands: ['AMD'] } },
  ],
  ['la mejor tarjeta para 4K sin límite de presupuesto', { uses: ['gaming-4k'], tier: 'flagship' }],
  [
    'algo de gama media para jugar, entre 300 y 450 dólares',
    { uses: ['gaming'], tier: 'mid', hard: { minPrice: 300, maxPrice: 450 } },
  ],
  ['tarjeta Intel Arc para 1080p', { uses: ['gaming-1080p'], hard: { brands: ['Intel'] } }],
  ['busco una RTX 4070 SUPER', { model: 'RTX 4070 SUPER' }],
  ['¿tienen la RX 7800 XT?', { model: 'RX 7800 XT' }],
  ['tarjeta para diseño CAD y trabajo profesional con drivers certificados', { uses: ['workstation'] }],
  [
    'quiero jugar en 1440p a muchos fps, nada de NVIDIA',
    { uses: ['gaming-1440p'], hard: { excludeBrands: ['NVIDIA'] } },
  ],
  ['GPU con 16 GB de memoria por menos de 400 dólares', { hard: { minVramGb: 16, maxPrice: 400 } }],
  ['tarjeta para renderizar en Blender', { uses: ['video'] }],
  ['una gráfica económica para una PC de oficina y juegos ligeros', { tier: 'entry' }],
  ['tarjeta para 4K que esté en stock, hasta 1200', { uses: ['gaming-4k'], hard: { maxPrice: 1200, inStock: true } }],
  ['la más potente que tengan de AMD', { tier: 'flagship', hard: { brands: ['AMD'] } }],
  ['tarjeta para stable diffusion con mucha VRAM, hasta 2000 dólares', { uses: ['ml'], hard: { maxPrice: 2000 } }],
  ['GPU silenciosa y eficiente para 1080p', { uses: ['gaming-1080p', 'low-power'] }],
  ['quiero jugar Cyberpunk en 1440p con ray tracing', { uses: ['gaming-1440p'], tier: 'high' }],
  ['tarjeta gráfica de 8 GB barata', { tier: 'entry', hard: { minVramGb: 8 } }],
  ['algo para transmitir y grabar partidas con AV1', { uses: ['streaming'] }],
  [
    'tarjeta para 1080p por menos de 250 dólares disponible ya',
    { uses: ['gaming-1080p'], hard: { maxPrice: 250, inStock: true } },
  ],
  ['gráfica corta para un gabinete pequeño', { uses: ['compact'] }],
  ['tarjeta para correr modelos de lenguaje grandes con 48 GB', { uses: ['ml'], hard: { minVramGb: 48 } }],
  [
    'tarjeta AMD o Intel para jugar en 1080p bajo 300',
    { uses: ['gaming-1080p'], hard: { brands: ['AMD', 'Intel'], maxPrice: 300 } },
  ],
  ['¿qué RTX me recomiendan para jugar en 4K?', { uses: ['gaming-4k'], hard: { brands: ['NVIDIA'] } }],
  [
    'GPU NVIDIA para edición de video y fotos, hasta 700',
    { uses: ['video'], hard: { brands: ['NVIDIA'], maxPrice: 700 } },
  ],
  ['tarjeta de gama alta para juegos con 16 GB', { uses: ['gaming'], tier: 'high', hard: { minVramGb: 16 } }],
  ['tarjeta para jugar competitivo en 1080p a 240 Hz', { uses: ['gaming-1080p'], tier: 'mid' }],
  ['una Arc B580', { model: 'Arc B580' }],
  ['tarjeta para aprender CUDA y deep learning, hasta 500', { uses: ['ml'], hard: { maxPrice: 500 } }],
  ['gráfica de bajo consumo para hacer streaming', { uses: ['streaming', 'low-power'] }],
  ['tarjeta AMD para 4K con 20 GB o más', { uses: ['gaming-4k'], hard: { brands: ['AMD'], minVramGb: 20 } }],
  [
    'GPU para 1440p sin pasar de 700 dólares y con stock',
    { uses: ['gaming-1440p'], hard: { maxPrice: 700, inStock: true } },
  ],
  ['tarjeta para un servidor de inferencia de IA, nada de Intel', { uses: ['ml'], hard: { excludeBrands: ['Intel'] } }],
  [
    'algo potente para jugar y editar video, hasta 1500',
    { uses: ['gaming', 'video'], tier: 'high', hard: { maxPrice: 1500 } },
  ],
];

const en: Row[] = [
  ['best graphics card for 4K gaming under $1500', { uses: ['gaming-4k'], hard: { maxPrice: 1500 } }],
  ['GPU for 1440p gaming around $500', { uses: ['gaming-1440p'], hard: { maxPrice: 500 } }],
  ['cheap card for 1080p esports', { uses: ['gaming-1080p'], tier: 'entry' }],
  ['GPU for machine learning with at least 24GB VRAM', { uses: ['ml'], hard: { minVramGb: 24 } }],
  ['card for video editing in Premiere, under 900', { uses: ['video'], hard: { maxPrice: 900 } }],
  ['I want to stream on Twitch, budget 350', { uses: ['streaming'], hard: { maxPrice: 350 } }],
  ['small GPU for a mini ITX build', { uses: ['compact'] }],
  ["low power graphics card that doesn't need a big PSU", { uses: ['low-power'] }],
  ['AMD card for 1440p under $650', { uses: ['gaming-1440p'], hard: { brands: ['AMD'], maxPrice: 650 } }],
  [
    'NVIDIA GPU with 16GB for gaming under 800',
    { uses: ['gaming'], hard: { brands: ['NVIDIA'], minVramGb: 16, maxPrice: 800 } },
  ],
  ['card for training neural networks, no AMD please', { uses: ['ml'], hard: { excludeBrands: ['AMD'] } }],
  ['the fastest gaming GPU money can buy', { uses: ['gaming'], tier: 'flagship' }],
  [
    'mid-range gaming card between $250 and $400',
    { uses: ['gaming'], tier: 'mid', hard: { minPrice: 250, maxPrice: 400 } },
  ],
  ['Intel Arc card for 1080p gaming', { uses: ['gaming-1080p'], hard: { brands: ['Intel'] } }],
  ['do you have the RTX 4060 Ti?', { model: 'RTX 4060 Ti' }],
  ['looking for an RX 9070 XT', { model: 'RX 9070 XT' }],
  ['professional card for CAD with certified workstation drivers', { uses: ['workstation'] }],
  ['1440p high refresh gaming, no NVIDIA', { uses: ['gaming-1440p'], hard: { excludeBrands: ['NVIDIA'] } }],
  ['16GB of VRAM for under $450', { hard: { minVramGb: 16, maxPrice: 450 } }],
  ['GPU for 3D rendering in Blender', { uses: ['video'] }],
  ['entry level card for a home office PC and light games', { tier: 'entry' }],
  ['4K gaming card in stock, max $1100', { uses: ['gaming-4k'], hard: { maxPrice: 1100, inStock: true } }],
  ['most powerful AMD card you sell', { tier: 'flagship', hard: { brands: ['AMD'] } }],
  ['card for Stable Diffusion and local LLMs under $2000', { uses: ['ml'], hard: { maxPrice: 2000 } }],
  ['quiet, efficient card for 1080p', { uses: ['gaming-1080p', 'low-power'] }],
  ['ray tracing at 1440p in Cyberpunk', { uses: ['gaming-1440p'], tier: 'high' }],
  ['cheap 8GB graphics card', { tier: 'entry', hard: { minVramGb: 8 } }],
  ['card to record and stream gameplay with AV1 encoding', { uses: ['streaming'] }],
  ['1080p card under $220 available now', { uses: ['gaming-1080p'], hard: { maxPrice: 220, inStock: true } }],
  ['short card for a small form factor case', { uses: ['compact'] }],
  ['48GB card for large language model inference', { uses: ['ml'], hard: { minVramGb: 48 } }],
  [
    'AMD or Intel card for 1080p under $280',
    { uses: ['gaming-1080p'], hard: { brands: ['AMD', 'Intel'], maxPrice: 280 } },
  ],
  ['which RTX should I get for 4K?', { uses: ['gaming-4k'], hard: { brands: ['NVIDIA'] } }],
  [
    'NVIDIA card for photo and video editing up to $650',
    { uses: ['video'], hard: { brands: ['NVIDIA'], maxPrice: 650 } },
  ],
  ['high-end gaming card with 16GB', { uses: ['gaming'], tier: 'high', hard: { minVramGb: 16 } }],
  ['competitive 1080p gaming at 240Hz', { uses: ['gaming-1080p'], tier: 'mid' }],
  ['Arc A770 16GB', { model: 'Arc A770', hard: { minVramGb: 16 } }],
  ['cheap card to learn CUDA and deep learning, up to $450', { uses: ['ml'], hard: { maxPrice: 450 } }],
  ['low power card for streaming', { uses: ['streaming', 'low-power'] }],
  ['AMD 4K gaming card with 20GB or more', { uses: ['gaming-4k'], hard: { brands: ['AMD'], minVramGb: 20 } }],
  ["1440p GPU under $750 that's in stock", { uses: ['gaming-1440p'], hard: { maxPrice: 750, inStock: true } }],
  ['GPU for an AI inference server, no Intel', { uses: ['ml'], hard: { excludeBrands: ['Intel'] } }],
  [
    'powerful card for gaming and video editing, up to $1300',
    { uses: ['gaming', 'video'], tier: 'high', hard: { maxPrice: 1300 } },
  ],
];

const build = (lang: 'es' | 'en', rows: Row[]): EvalQuery[] =>
  rows.map(([text, intent], i) => ({
    id: `${lang}-${String(i + 1).padStart(2, '0')}`,
    lang,
    text,
    intent,
    split: i % 3 === 2 ? 'heldout' : 'tune',
  }));

export const queries: EvalQuery[] = [...build('es', es), ...build('en', en)];
