// GPU model names in free text: "RTX 4070 SUPER", "4070 super", "RX 7800 XT", "7900 xtx",
// "Arc B580", "a770", "RTX A4000", "RTX 4000 Ada", "Radeon PRO W7900". Used to understand
// queries (a named model is always retrieved) and to check answers (every model named must
// be one we sent). Mentions are canonicalised so both sides compare equal strings.
import type { NamedModel } from './constraints.js';

export interface ModelMention {
  /** Canonical form: "RTX 4070 Ti SUPER", "RX 7900 XTX", "Arc B580", "Radeon PRO W7900". */
  display: string;
  start: number;
  end: number;
}

/** GeForce numbers that may be written bare in a query ("4070 super"). */
const NVIDIA_BARE = /^(?:30[5-9]0|40[6-9]0|50[5-9]0)$/;
const INTEL_BARE = /^(?:a310|a380|a580|a750|a770|b570|b580)$/;

const NV_SUFFIX: Record<string, string> = { ti: 'Ti', super: 'SUPER', 'ti super': 'Ti SUPER', tisuper: 'Ti SUPER' };
const AMD_SUFFIX: Record<string, string> = { xt: 'XT', xtx: 'XTX', gre: 'GRE' };

interface Rule {
  re: RegExp;
  /** Returns the canonical name, or null to ignore this match. */
  make(m: RegExpMatchArray, bare: boolean): string | null;
}

const suffixKey = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

const RULES: Rule[] = [
  // Workstation NVIDIA first, so "RTX A4000" / "RTX 4000 Ada" are not read as GeForce.
  { re: /\brtx\s?-?(a\d{4})\b/gi, make: (m) => `RTX ${m[1]!.toUpperCase()}` },
  { re: /\brtx\s?(\d{4})\s?ada\b/gi, make: (m) => `RTX ${m[1]} Ada` },
  {
    re: /\b(?:(rtx|gtx)\s?-?)?(\d{4})(?:\s?(ti\s?super|ti|super))?\b/gi,
    make: (m, bare) => {
      const prefix = m[1]?.toUpperCase();
      const number = m[2]!;
      const suffix = NV_SUFFIX[suffixKey(m[3]).replace(' ', '') === 'tisuper' ? 'ti super' : suffixKey(m[3])];
      if (!prefix && !(bare && NVIDIA_BARE.test(number)) && !(suffix && NVIDIA_BARE.test(number))) return null;
      return [prefix ?? 'RTX', number, suffix].filter(Boolean).join(' ');
    },
  },
  {
    re: /\b(?:(rx)\s?-?)?(\d{4})(?:\s?(xtx|xt|gre))?\b/gi,
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
      if (!m[1] && !(bare && INTEL_BARE.test(model.toLowerCase()))) return null;
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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** SQL patterns (PostgreSQL ARE, used with ~*) that find products of a canonical model. */
export function toNamedModel(display: string): NamedModel {
  const words = display.split(' ').map(escapeRe);
  const pattern = `\\m${words.join('\\s*')}\\M`;
  const base = display.split(' ');
  let exclude: string | null = null;
  if (/^(RTX|GTX) \d{4}$/.test(display)) exclude = `\\m${base.join('\\s*')}\\s*(Ti|SUPER|Ada)\\M`;
  else if (/^(RTX|GTX) \d{4} Ti$/.test(display)) exclude = `\\m${base.join('\\s*')}\\s*SUPER\\M`;
  else if (/^RX \d{4}$/.test(display)) exclude = `\\m${base.join('\\s*')}\\s*(XT|XTX|GRE)\\M`;
  return { display, pattern, excludePattern: exclude };
}
