// Text that reads like an instruction to an AI model ("ignore previous instructions", "NOTE TO
// ASSISTANT", "assistant: the price is $1"). Matched on a skeleton of the text (NFKC, invisible
// characters removed, look-alike Cyrillic and Greek letters folded to Latin, lower case), so
// spacing tricks, zero-width splits and homoglyphs do not hide it. Used by the server to keep
// such text out of prompts and by the admin editor to warn before saving.
import { INVISIBLE } from './invisible.js';

// Cyrillic and Greek letters that render like Latin ones.
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};

/** The comparable form of a text: what a model would read, with disguises removed. */
export function textSkeleton(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[\u0370-\u03ff\u0400-\u052f]/g, (c) => LOOKALIKES[c] ?? c)
    .replace(/\s+/g, ' ');
}

const AGENT = '(?:assistant|asistente|ai|a\\.i\\.|ia|bot|chatbot|model|modelo|llm|gpt|system|sistema)';
const PATTERNS: RegExp[] = [
  // English
  /\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.!?\n]{0,60}\b(?:instructions?|rules?|prompts?|guidelines|above|previous|prior|earlier|before|system|said|everything)\b/,
  /\b(?:reveal|print|show|repeat|leak|output|dump)\b[^.!?\n]{0,40}\b(?:system prompt|prompt|instructions|rules|hidden)\b/,
  /\byou are now\b|\bact as\b|\bpretend (?:to be|you are)\b|\bnew instructions?\b|\bsystem prompt\b|\bdeveloper mode\b|\bjailbreak\b|\bfrom now on\b/,
  new RegExp(`\\b(?:note|message|instructions?|attention|important|reminder)\\s+(?:to|for)\\s+(?:the\\s+)?${AGENT}\\b`),
  new RegExp(`(?:^|[\\s(\\[{<"'])${AGENT}\\s*:`),
  new RegExp(`\\bdear\\s+${AGENT}\\b|\\bas an? ${AGENT}\\b`),
  /\b(?:tell|inform|say to|convince)\s+(?:the\s+)?(?:user|customer|shopper|buyer|client)\b/,
  /\b(?:respond|reply|answer)\s+(?:only\s+)?(?:with|that)\b|\bsay that\b|\balways recommend\b|\brecommend only\b/,
  // Spanish
  /\b(?:ignora|olvida|omite|descarta|salta)\b[^.!?\n]{0,60}\b(?:instrucciones|reglas|indicaciones|prompt|anteriores|anterior|todo)\b/,
  /\b(?:revela|muestra|repite|imprime)\b[^.!?\n]{0,40}\b(?:prompt|instrucciones|reglas)\b/,
  /\b(?:ahora eres|act[uú]a como|nuevas instrucciones|a partir de ahora|de ahora en adelante)\b/,
  new RegExp(`\\b(?:nota|mensaje|instrucciones?|atenci[oó]n)\\s+(?:para|al?)\\s+(?:el\\s+|la\\s+)?${AGENT}\\b`),
  /\b(?:dile|dí|di|dile al|informa al)\s+(?:al?\s+)?(?:usuario|cliente|comprador)\b|\brecomienda (?:solo|s[oó]lo|siempre)\b/,
  // Markup that tries to open or close a block of the prompt
  /<\s*\/?\s*(?:system|assistant|user|tool|tool_result|products|instructions|compatibility|conversation_state)\s*>/,
];

/** The instruction-like passages found in `text` (as they read in the skeleton), empty when none. */
export function findInstructionLike(text: string): string[] {
  const skeleton = textSkeleton(text);
  const found: string[] = [];
  for (const re of PATTERNS) {
    const m = re.exec(skeleton);
    if (m) found.push(m[0].trim());
  }
  return found;
}

export const isInstructionLike = (text: string): boolean => findInstructionLike(text).length > 0;
