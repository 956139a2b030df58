// What the store knows about GPU models, in one place: the families it sells, their model
// numbers and how shoppers write them ("RTX 4070 SUPER", "4070 super", "RX 7800 XT",
// "7900 xtx", "Arc B580", "a770", "RTX A4000", "RTX 4000 Ada", "Radeon PRO W7900"), which are
// workstation cards, which have an AV1 encoder. The query parser, the budget parser (model
// numbers are not money), ranking, grounding and answers all read it from here.

/** A GPU model named in text ("RX 7800 XT", "4070 super"), with SQL regexes to find it. */
export interface NamedModel {
  /** Canonical form: "RTX 4070 SUPER", "RX 7800 XT", "Arc B580". */
  display: string;
  /** PostgreSQL ARE (case-insensitive) matching product names of this model. */
  pattern: string;
  /** Names matching this are a different model ("RTX 4070" must not match "RTX 4070 Ti"). */
  excludePattern: string | null;
}

export interface ModelMention {
  /** Canonical form: "RTX 4070 Ti SUPER", "RX 7900 XTX", "Arc B580", "Radeon PRO W7900". */
  display: string;
  start: number;
  end: number;
}

/** GeForce numbers a shopper may write without "RTX" ("4070 super"): RTX 30, 40 and 50. */
const GEFORCE_NUMBER = /^(?:30[5-9]0|40[6-9]0|50[5-9]0)$/;
/** Radeon RX 6000/7000/9000 numbers. */
const RADEON_NUMBER = /^(?:6[4-9][05]0|7[6-9]00|90[67]0)$/;
/** Intel Arc A and B series. */
const ARC_MODEL = /^(?:a310|a380|a580|a750|a770|b570|b580)$/;

/** A bare four-digit number that names a GPU model ("entre 4070 y 4080"), not an amount. */
export const isModelNumber = (n: string): boolean => GEFORCE_NUMBER.test(n) || RADEON_NUMBER.test(n);

const NV_SUFFIX: Record<string, string> = { ti: 'Ti', super: 'SUPER', 'ti super': 'Ti SUPER' };
const AMD_SUFFIX: Record<string, string> = { xt: 'XT', xtx: 'XTX', gre: 'GRE' };
const suffixKey = (s: string | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^tisuper$/, 'ti super');

interface Rule {
  re: RegExp;
  /** The canonical name, or null to ignore this match. `bare`: accept numbers without a prefix. */
  make(m: RegExpMatchArray, bare: boolean): string | null;
}

// Order matters: workstation NVIDIA first, so "RTX A4000" / "RTX 4000 Ada" are not GeForce.
const RULES: Rule[] = [
  { re: /\brtx\s?-?(a\d{4})\b/gi, make: (m) => `RTX ${m[1]!.toUpperCase()}` },
  { re: /\brtx\s?(\d{4})\s?ada\b/gi, make: (m) => `RTX ${m[1]} Ada` },
  {
    // A trailing "s" is a plural ("rtx 5090s", "4070 supers").
    re: /\b(?:(rtx|gtx)\s?-?)?(\d{4})(?:\s?(ti\s?super|ti|super))?s?\b/gi,
    make: (m, bare) => {
      const prefix = m[1]?.toUpperCase();
      const number = m[2]!;
      const suffix = NV_SUFFIX[suffixKey(m[3])];
      if (!prefix && !(bare && GEFORCE_NUMBER.test(number)) && !(suffix && GEFORCE_NUMBER.test(number))) return null;
      return [prefix ?? 'RTX', number, suffix].filter(Boolean).join(' ');
    },
  },
  {
    re: /\b(?:(rx)\s?-?)?(\d{4})(?:\s?(xtx|xt|gre))?s?\b/gi,
    make: (m) => {
      const suffix = AMD_SUFFIX[suffixKey(m[3])];
      if (!m[1] && !suffix) return null;
      return ['RX', m[2]!, suffix].filter(Boolean).join(' ');
    },
  },
  {
    re: /\b(?:(arc)\s?)?([ab]\d{3})\b/gi,
    make: (m, bare) => {
      const model = m[2]!.toUpperCase();
      if (!m[1] && !(bare && ARC_MODEL.test(model.toLowerCase()))) return null;
      return `Arc ${model}`;
    },
  },
  { re: /\b(?:radeon\s+pro\s+)?(w\d{4})\b/gi, make: (m) => `Radeon PRO ${m[1]!.toUpperCase()}` },
];

/**
 * Every model mention in the text, left to right, without overlaps.
 * `bareNumbers`: accept "4070" or "a770" without a family prefix (queries, not answers).
 */
export function findModelMentions(text: string, opts: { bareNumbers?: boolean } = {}): ModelMention[] {
  const taken: ModelMention[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      // "$4070" or "4070 dollars" is money; "4090W" is power.
      if (/[$€]\s?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
      if (/^\s?(?:w\b|watts?|usd|dolares|dólares|dollars|mm|gb)/i.test(text.slice(end))) continue;
      const display = rule.make(m, opts.bareNumbers === true);
      if (display) taken.push({ display, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The canonical models a product name contains ("MSI GeForce RTX 4070 SUPER 12G" -> ["RTX 4070 SUPER"]). */
export const modelsInName = (name: string): string[] => findModelMentions(name).map((m) => m.display);

/** The model a product is (its first canonical model), or its name when none is recognised. */
export const modelOf = (name: string): string => modelsInName(name)[0] ?? name;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** SQL patterns (PostgreSQL ARE, used with ~*) that find products of a canonical model. */
export function toNamedModel(display: string): NamedModel {
  const words = display.split(' ').map(escapeRe);
  const pattern = `\\m${words.join('\\s*')}\\M`;
  let exclude: string | null = null;
  if (/^(RTX|GTX) \d{4}$/.test(display)) exclude = `\\m${words.join('\\s*')}\\s*(Ti|SUPER|Ada)\\M`;
  else if (/^(RTX|GTX) \d{4} Ti$/.test(display)) exclude = `\\m${words.join('\\s*')}\\s*SUPER\\M`;
  else if (/^RX \d{4}$/.test(display)) exclude = `\\m${words.join('\\s*')}\\s*(XT|XTX|GRE)\\M`;
  return { display, pattern, excludePattern: exclude };
}

/** Does a product name belong to this canonical model (and not to a Ti/SUPER/XT sibling)? */
export function nameIsModel(name: string, display: string): boolean {
  return modelsInName(name).includes(display);
}

/** Workstation cards (RTX A-series, RTX Ada Generation, Radeon PRO): wrong for a gaming build. */
export const isWorkstation = (name: string): boolean => /\b(?:RTX A\d{4}|Ada Generation|Radeon PRO)\b/i.test(name);

/**
 * Hardware AV1 encoding (streaming and video export): GeForce RTX 40/50, Radeon RX 7000/9000
 * and every Intel Arc. RTX 30 and RX 6000 encode H.264/HEVC only.
 */
export const hasAv1Encoder = (name: string): boolean => /\b(?:RTX [45]0\d0|RX [79]\d{3}|Arc)\b/i.test(name);
