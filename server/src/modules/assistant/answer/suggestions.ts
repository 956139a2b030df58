// Two to four short follow-ups after an answer, in the shopper's language: what a shopper
// would likely ask next given what the turn did (refine a list, compare, add to the cart,
// answer a clarifying question). Both planners use them; the web app shows them as chips.
import type { Gpu } from '@gpu/shared';
import type { TurnKind } from '../conversation/state.js';
import type { Language } from '../query/constraints.js';

export interface SuggestionInput {
  kind: TurnKind;
  language: Language;
  products: Gpu[];
  signedIn: boolean;
  /** A cart action that succeeded this turn. */
  cartChanged: boolean;
  budgetMax: number | null;
}

const S = {
  es: {
    cheaper: '¿Y algo más barato?',
    compareTwo: 'Compara las dos primeras',
    mostVram: '¿Cuál de esas tiene más VRAM?',
    addFirst: 'Agrega la primera al carrito',
    moreVram: '¿Y con 16 GB?',
    lessPower: '¿Alguna que consuma menos?',
    addWinner: 'Agrégala al carrito',
    power: '¿Cuánto consume?',
    viewCart: 'Ver mi carrito',
    checkout: '¿Cómo pago?',
    alternatives: 'Muéstrame alternativas',
    signIn: '¿Cómo inicio sesión?',
    clarify: [
      'Gaming en 1080p bajo $300',
      'Gaming en 4K bajo $1000',
      'IA y machine learning',
      'Edición de video y streaming',
    ],
    start: ['GPU para 4K gaming bajo $1000', '¿Qué me recomiendas bajo $500?', 'La más barata de NVIDIA en stock'],
    fits: '¿Cabe en un gabinete de 300 mm?',
  },
  en: {
    cheaper: 'Anything cheaper?',
    compareTwo: 'Compare the first two',
    mostVram: 'Which of those has the most VRAM?',
    addFirst: 'Add the first one to my cart',
    moreVram: 'And with 16 GB?',
    lessPower: 'One that uses less power?',
    addWinner: 'Add it to my cart',
    power: 'How much power does it draw?',
    viewCart: 'Show my cart',
    checkout: 'How do I pay?',
    alternatives: 'Show me alternatives',
    signIn: 'How do I sign in?',
    clarify: [
      '1080p gaming under $300',
      '4K gaming under $1000',
      'AI and machine learning',
      'Video editing and streaming',
    ],
    start: ['GPU for 4K gaming under $1000', 'What do you recommend under $500?', 'Cheapest NVIDIA card in stock'],
    fits: 'Does it fit a 300 mm case?',
  },
} as const;

export function suggestFollowUps(input: SuggestionInput): string[] {
  const s = S[input.language];
  const n = input.products.length;
  let out: string[];
  switch (input.kind) {
    case 'search':
      out =
        n >= 2
          ? [s.cheaper, s.compareTwo, s.mostVram, s.addFirst]
          : n === 1
            ? [s.addFirst, s.cheaper, s.power]
            : [...s.start];
      if (n >= 2 && input.products.every((p) => p.vramGb >= 16)) out[2] = s.lessPower;
      else if (n >= 2 && input.products.every((p) => p.vramGb < 16)) out[2] = s.moreVram;
      break;
    case 'compare':
      out = [s.addFirst, s.lessPower, s.cheaper];
      break;
    case 'question':
      out = [s.addWinner, s.fits, s.alternatives];
      break;
    case 'cart':
    case 'checkout':
      out = input.signedIn
        ? input.cartChanged
          ? [s.viewCart, s.checkout, s.alternatives]
          : [s.viewCart, s.alternatives]
        : [s.signIn, s.alternatives];
      break;
    case 'clarify':
      out = [...s.clarify];
      break;
    default:
      out = [...s.start];
  }
  return [...new Set(out)].slice(0, 4);
}
