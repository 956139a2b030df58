// Budget phrases in English and Spanish: "under $600", "bajo $1000", "menos de 800 dólares",
// "hasta 1.000 USD", "$1,200", "1000 usd max", "entre 300 y 500", "around $500", "like 200",
// "unos 500", "800 lucas", "$1k", "tengo 700". An approximate budget ("about", "unos") is
// taken as the ceiling: a shopper who says "like 200" does not want a $280 card.
// Works on folded text (see normalize.ts). Numbers followed by a unit (GB, W, mm, p) are
// not money, so "under 300mm" or "at least 12 GB" never become a budget.
import { isModelNumber } from '../../catalog/gpu-models.js';
import { parseAmount } from './normalize.js';
import { expandNumberWords } from './number-words.js';

export interface Budget {
  min: number | null;
  max: number | null;
}

const NUM = String.raw`\d[\d.,]*(?:\s?k\b)?`;
const CUR_BEFORE = String.raw`(?:us\$|usd|\$|€)`;
const CUR_AFTER = String.raw`(?:usd|us\$|dolares|dolar|dollars|dollar|bucks|lucas|lukas|verdes|pavos|euros?|eur|\$|€)`;
const AMOUNT = String.raw`(?:${CUR_BEFORE}\s?)?(${NUM})(?:\s?(${CUR_AFTER}))?`;
/** A unit right after a number means it is not money. */
const NOT_MONEY_AFTER = /^\s?(?:gb|gib|gigas?|g\b|mm|cm|w\b|watts?|vatios|p\b|hz|fps|mhz|bits?|slots?|pines|pin)/;

const MAX_CUES = [
  'under',
  'below',
  'less than',
  'lower than',
  'cheaper than',
  'no more than',
  'not more than',
  'at most',
  'up to',
  'upto',
  'within',
  'maximum of',
  'maximum',
  'max of',
  'max',
  'budget of',
  'budget is',
  'budget:',
  'budget',
  'spend at most',
  'spend up to',
  'a lo sumo',
  'no mas que',
  'bajalo a',
  'bajala a',
  'baja a',
  'bajar a',
  'lower it to',
  'drop it to',
  'reduce it to',
  'bring it down to',
  'can stretch to',
  'stretch to',
  'go up to',
  'raise it to',
  'subilo a',
  'subelo a',
  'sube a',
  'subir a',
  'por abajo de',
  'abajo de',
  'bajo',
  'por debajo de',
  'debajo de',
  'menos de',
  'menor a',
  'menor de',
  'menor que',
  'no mas de',
  'que no pase de',
  'que no pasen de',
  'que no supere',
  'que no superen',
  'sin pasar de',
  'sin pasarme de',
  'hasta',
  'como maximo',
  'maximo de',
  'maximo',
  'tope de',
  'tope',
  'limite de',
  'presupuesto de',
  'presupuesto es de',
  'presupuesto maximo de',
  'presupuesto:',
  'presupuesto',
  '<=',
  '<',
];
const MIN_CUES = ['over', 'more than', 'above', 'at least', 'mas de', 'arriba de', 'desde', 'minimo', 'from'];
const AROUND_CUES = [
  'something like',
  'around',
  'about',
  'approximately',
  'approx',
  'roughly',
  'more or less',
  'like',
  '~',
  'alrededor de',
  'aproximadamente',
  'aprox',
  'algo asi como',
  'mas o menos',
  'en torno a',
  'en el orden de',
  'por ahi de',
  'ahi por',
  'rondando',
  'tipo',
  'give or take',
  'unos',
  'unas',
  'cerca de',
  'como',
];
/** "tengo 700", "I have 500 to spend", "quiero gastar 400": the amount is the budget. */
const HAVE_CUES = [
  'i have',
  "i've got",
  'i got',
  'i can spend',
  'can spend',
  'spend',
  'tengo',
  'cuento con',
  'dispongo de',
  'puedo gastar',
  'quiero gastar',
  'gastar',
];
const POST_MAX_CUES = [
  'max',
  'maximum',
  'maximo',
  'tops',
  'or less',
  'o menos',
  'como maximo',
  'at most',
  'de presupuesto',
  'budget',
  // Approximate, taken as the ceiling too: "600 o por ahí", "600ish", "600 or so".
  'o por ahi',
  'mas o menos',
  'aprox',
  'or so',
  'ish',
  'give or take',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The lookbehind keeps cues whole words: "bajo" must not fire inside "trabajo".
const cueGroup = (cues: string[]) => `(?<![a-z])(?:${cues.map(escape).join('|')})`;

interface Hit {
  value: number;
  hasCurrency: boolean;
  index: number;
  end: number;
}

/** Replaces "2 mil" / "mil" (Spanish thousand) and "1 grand" with plain numbers. */
function expandWords(text: string): string {
  return text
    .replace(/\b(\d+(?:[.,]\d+)?)\s+mil\b/g, (_, n: string) => String((parseAmount(n) ?? 0) * 1000))
    .replace(/\bmil\b(?=\s*(?:dolares|dolar|usd|\$|euros?))/g, '1000')
    .replace(/\b(?:un|one|a)\s+grand\b/g, '1000')
    .replace(/\b(\d+(?:[.,]\d+)?)\s*grand\b/g, (_, n: string) => String((parseAmount(n) ?? 0) * 1000));
}

function amountAt(text: string, re: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(re)) {
    const numIdx = m.findIndex((g, i) => i > 0 && g !== undefined && /^\d/.test(g));
    if (numIdx < 0) continue;
    const raw = m[numIdx]!;
    const end = (m.index ?? 0) + m[0].length;
    if (NOT_MONEY_AFTER.test(text.slice(end)) && !m[numIdx + 1]) continue;
    const value = parseAmount(raw.replace(/[.,]$/, ''));
    if (value === null || value <= 0) continue;
    const hasCurrency = /[$€]|usd|dolar|dollar|buck|luca|luka|verde|pavo|euro|eur/.test(m[0]);
    hits.push({ value, hasCurrency, index: m.index ?? 0, end });
  }
  return hits;
}

/** "4k"/"8k" are resolutions unless written as money ("$4k"). */
const isResolution = (text: string, h: Hit) => !h.hasCurrency && /^[48]\s?k$/.test(text.slice(h.index, h.end).trim());

function parseRange(text: string): Budget | null {
  const re = new RegExp(
    String.raw`(?:(?<![a-z])(entre|between|from|de)\s+)?(?:${CUR_BEFORE}\s?)?(${NUM})(?:\s?${CUR_AFTER})?\s*(?:y|and|to|a|-|–)\s*(?:${CUR_BEFORE}\s?)?(${NUM})(?:\s?${CUR_AFTER})?`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    const whole = m[0];
    const currency = /[$€]|usd|dolar|dollar|euro/.test(whole);
    if (!currency && !m[1]) continue;
    if (NOT_MONEY_AFTER.test(text.slice((m.index ?? 0) + whole.length))) continue;
    const [a, b] = [m[2]!, m[3]!].map((raw) => raw.replace(/[.,]$/, ''));
    // "entre 4070 y 4080" compares models: it is not a budget.
    if (!currency && (isModelNumber(a!) || isModelNumber(b!))) continue;
    const lo = parseAmount(a!);
    const hi = parseAmount(b!);
    if (lo !== null && hi !== null && lo > 0 && hi > lo && hi >= 50) return { min: lo, max: hi };
  }
  return null;
}

const NEGATED = /(?:\bno\b|\bnot\b|n't\b|\bnunca\b)[^.!?]*$/;
/** "sin gastar más de 400", "without spending more than 400", "no pagar más de $300": a ceiling. */
const SPEND_CEILING = String.raw`(?:(?<![a-z])(?:no|not|nunca|sin|without)\s+|n't\s+)(?:[a-z]+\s+){0,2}?(?:gastar|gastes|gaste|gastaria|spend|spending|pagar|pague|pay|paying)\s+(?:mas de|more than|over|arriba de)\s+${AMOUNT}`;

const usable = (text: string, hits: Hit[]) => hits.filter((h) => !isResolution(text, h) && h.value >= 20);
/** Without a currency, only a plausible price that is not a model number ("like 4070"). */
const plainMoney = (text: string, h: Hit) =>
  h.hasCurrency || (h.value >= 50 && !isModelNumber(text.slice(h.index, h.end).replace(/\D+$/, '').trim()));

export function parseBudget(folded: string): Budget {
  const text = expandWords(expandNumberWords(folded));
  const range = parseRange(text);
  if (range) return range;

  const find = (re: string, currencyOnly = false) =>
    usable(text, amountAt(text, new RegExp(re, 'g'))).filter((h) => !currencyOnly || h.hasCurrency)[0];
  const max =
    find(String.raw`${cueGroup(MAX_CUES)}\s*(?:de\s+|los\s+|of\s+|is\s+|:\s*)?${AMOUNT}`) ??
    find(String.raw`${AMOUNT}\s*${cueGroup(POST_MAX_CUES)}\b`);
  const spendCeiling = usable(text, amountAt(text, new RegExp(SPEND_CEILING, 'g'))).filter((h) =>
    plainMoney(text, h),
  )[0];
  if (spendCeiling && !max) return { min: null, max: spendCeiling.value };
  let min = find(String.raw`${cueGroup(MIN_CUES)}\s+${AMOUNT}`, true);
  // "no quiero gastar más de $900" / "don't want to spend more than $900" is a ceiling.
  if (min && !max && NEGATED.test(text.slice(Math.max(0, min.index - 40), min.index))) {
    return { min: null, max: min.value };
  }
  if (max && min && NEGATED.test(text.slice(Math.max(0, min.index - 40), min.index))) min = undefined;
  if (max) return { min: min && min.value < max.value ? min.value : null, max: max.value };
  if (min) return { min: min.value, max: null };
  const loose = (re: string) => usable(text, amountAt(text, new RegExp(re, 'g'))).filter((h) => plainMoney(text, h))[0];
  const approx = loose(String.raw`${cueGroup(AROUND_CUES)}\s+(?:de\s+|of\s+)?${AMOUNT}`);
  if (approx) return { min: null, max: approx.value };
  const have = loose(String.raw`${cueGroup(HAVE_CUES)}\s+(?:unos\s+|about\s+|around\s+|like\s+)?${AMOUNT}`);
  if (have) return { min: null, max: have.value };
  const bare = find(AMOUNT, true);
  return { min: null, max: bare?.value ?? null };
}
