// References to products the shopper has seen: ordinals ("la primera", "the second one",
// "#2", "las dos primeras", "both"), demonstratives ("esa", "that one", "agrégala", "add it"),
// "de esas / of those", and model names ("la 4070 SUPER"). Parsed from folded text; resolved
// against the conversation's shown list in understand-turn.ts.
import { findModelMentions } from '../../catalog/gpu-models.js';

export interface References {
  /** "la otra", "the other one": the card shown that is not the one in focus. */
  other: boolean;
  /** 0-based positions in the shown list, in the order named; -1 is the last, -2 the one before. */
  indexes: number[];
  /** "esa", "that one", "it": the product in focus. */
  demonstrative: boolean;
  /** "de esas", "of those", "cuál de": about the products shown. */
  amongShown: boolean;
  /** Canonical model names mentioned ("RTX 4070 SUPER"). */
  models: string[];
}

const ORDINALS: [RegExp, number][] = [
  [/^(?:primer[oa]?|first|1st|1ro|1ra|1°|1º)$/, 0],
  [/^(?:segund[oa]|second|2nd|2do|2da|2°|2º)$/, 1],
  [/^(?:tercer[oa]?|third|3rd|3ro|3ra|3°|3º)$/, 2],
  [/^(?:cuart[oa]|fourth|4th|4to|4ta)$/, 3],
  [/^(?:quint[oa]|fifth|5th|5to|5ta)$/, 4],
  [/^(?:sext[oa]|sixth|6th)$/, 5],
  [/^(?:ultim[oa]|last)$/, -1],
  [/^(?:penultim[oa]|second to last|second-to-last)$/, -2],
];
const ORDINAL_WORD = String.raw`(?:primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|penultim[oa]|ultim[oa]|first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|5th|6th|[1-6](?:ro|ra|do|da|to|ta|°|º))`;
const DETERMINER = String.raw`(?:la|el|las|los|lo|al|del|the|that|this|my)`;
const NOUN_AFTER = String.raw`(?:one|ones|option|opcion|card|tarjeta|gpu|grafica|pick|recomendacion|recommendation)`;
const JOINER =
  /^\s*(?:,|y|e|o|u|and|or|vs\.?|versus|con|contra|with|against|a|to)?\s*(?:la|el|the|con la|with the)?\s*$/;

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  one: 1,
  a: 1,
  dos: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
};

/** "las dos primeras", "the first two", "top 3", "ambas", "both", "all of them" -> a count of first cards. */
const PLURALS: [RegExp, (m: RegExpMatchArray) => number | 'all'][] = [
  [
    /\b(?:las|los)\s+(dos|tres|cuatro|2|3|4)\s+(?:primer[oa]s|primeras|primeros)\b|\b(?:las|los)\s+(?:primer[oa]s)\s+(dos|tres|cuatro|2|3|4)\b/,
    (m) => count(m[1] ?? m[2]!),
  ],
  [/\b(?:the\s+)?(?:first|top)\s+(two|three|four|2|3|4)\b/, (m) => count(m[1]!)],
  [/\b(?:the\s+)?(two|three|four|2|3|4)\s+first\b/, (m) => count(m[1]!)],
  [
    /\b(?:ambas|ambos|both|the two|these two|those two|esas dos|estas dos|esos dos|estos dos|las dos|los dos)\b/,
    () => 2,
  ],
  [/\b(?:all three|the three|las tres|los tres|esas tres|those three)\b/, () => 3],
  [/\b(?:todas|todos|all of them|all those|all these)\b/, () => 'all'],
];
const count = (w: string) => NUMBER_WORDS[w] ?? Number(w);

const NUMBERED =
  /(?:#|\bn[°º]\s?|\bno\.\s?|\bnum(?:ero)?\.?\s?|\bnumber\s|\bopcion\s|\boption\s|\bitem\s|\bcard\s|\btarjeta\s|\b(?:la|el)\s(?=\d\b))(\d{1,2})\b/g;

// "que esté en stock" folds to "que este": a verb there, not "this one".
const DEMONSTRATIVE =
  /\b(?:esa|ese|esta|(?<!que )este|aquella|aquel|la misma|el mismo|that one|this one|that card|this card|that gpu|this gpu|the same one|the one you (?:showed|recommended|mentioned))\b|\b(?:agrega|agregue|agregar|anade|anadir|compra|comprar|quita|quitar|saca|sacar|elimina|eliminar|borra|borrar|pon|poner|mete|meter|compara|comparar|reserva|reservar|suma|sumar)(?:me|te)?(?:la|lo)\b|\b(?:add|buy|get|take|remove|drop|delete|compare|order|grab|put|is|does|will|would|can|could|fit|fits|run|handle)\s+it\b|\bit\s+(?:fit|fits|run|runs|handle|support|supports|need|needs|draw|draws|use|uses|have|has|come)\b/;

const AMONG_SHOWN =
  /\b(?:de esas|de estas|de ellas|de esos|de estos|entre esas|entre estas|entre ellas|de las que|de los que|de la lista|de las anteriores|de tus recomendaciones|of those|of these|of them|among them|among those|among these|from those|from these|from the list|of the ones|which of|cual de|cuales de)\b/;

export function parseReferences(folded: string): References {
  let text = folded;
  const indexes: number[] = [];
  for (const [re, make] of PLURALS) {
    const m = text.match(re);
    if (!m) continue;
    const n = make(m);
    const upTo = n === 'all' ? 4 : Math.min(n, 4);
    for (let i = 0; i < upTo; i++) if (!indexes.includes(i)) indexes.push(i);
    text = text.replace(re, ' ');
    break;
  }

  // Ordinals count with a determiner before or a noun after ("la primera", "the second one"),
  // or right after an accepted one ("la primera y la tercera").
  const ordinalRe = new RegExp(
    String.raw`(?:\b(${DETERMINER})\s+)?\b(${ORDINAL_WORD})(?=\s|$|[?.!,;])(\s+${NOUN_AFTER}\b)?`,
    'g',
  );
  let lastEnd = -1;
  for (const m of text.matchAll(ordinalRe)) {
    const start = m.index ?? 0;
    const joined = lastEnd >= 0 && JOINER.test(text.slice(lastEnd, start));
    if (!m[1] && !m[3] && !joined) continue;
    const word = m[2]!;
    const idx = ORDINALS.find(([re]) => re.test(word))?.[1];
    if (idx === undefined) continue;
    if (!indexes.includes(idx)) indexes.push(idx);
    lastEnd = start + m[0].length;
  }
  for (const m of text.matchAll(NUMBERED)) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 10 && !indexes.includes(n - 1)) indexes.push(n - 1);
  }

  const models = [...new Set(findModelMentions(folded, { bareNumbers: true }).map((m) => m.display))];
  return {
    other: /\b(?:la otra|el otro|las otras|the other(?: one)?)\b/.test(folded),
    indexes,
    demonstrative: DEMONSTRATIVE.test(folded),
    amongShown: AMONG_SHOWN.test(folded),
    models,
  };
}

/** "agrega 2", "dos unidades", "x3", "3 of them": how many units a cart request is for. */
export function parseQuantity(folded: string): number | null {
  const word = String.raw`(\d{1,3}|un|una|uno|one|dos|two|tres|three|cuatro|four|cinco|five)`;
  const patterns = [
    new RegExp(String.raw`\b${word}\s*(?:unidades|unidad|units?|pcs|piezas?|copias|copies)\b`),
    new RegExp(String.raw`\bx\s?(\d{1,2})\b|\b(\d{1,2})\s?x\b`),
    new RegExp(
      String.raw`\b(?:agrega|agregame|anade|anademe|add|pon|ponme|mete|meteme|suma|sumame|quiero|want|take|llevo|get|compra|buy)\s+${word}\b(?!\s*(?:gb|w\b|mm|\$|usd|dolares|dollars|k\b))`,
    ),
    new RegExp(
      String.raw`\b${word}\s+(?:de\s+(?:esas|estas|ellas|la|las|esa|esta)|of\s+(?:those|these|them|the|it))\b`,
    ),
  ];
  for (const re of patterns) {
    const m = folded.match(re);
    const raw = m?.slice(1).find((g) => g !== undefined);
    if (!raw) continue;
    const n = NUMBER_WORDS[raw] ?? Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 100) return n;
  }
  return null;
}

/** "cambia la cantidad a 3", "que sean 2", "make it 3", "set the quantity to 2": the new quantity. */
export function parseSetQuantity(folded: string): number | null {
  const word = String.raw`(\d{1,3}|una|uno|one|dos|two|tres|three|cuatro|four|cinco|five|cero|zero)`;
  const re = new RegExp(
    String.raw`\b(?:a|en|to|sean|it|that|quantity|cantidad|solo|only|just|ponele|ponle|pone|ponme|ponerle|dejale|dejalo|dejala|cambiale|hacelo|hazlo)\s+${word}\b(?!\s*(?:gb|w\b|mm|\$))`,
    'g',
  );
  let last: string | undefined;
  for (const m of folded.matchAll(re)) last = m[1];
  if (last === undefined) return null;
  const n = last === 'cero' || last === 'zero' ? 0 : (NUMBER_WORDS[last] ?? Number(last));
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}
