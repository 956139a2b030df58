// Product data is data. Text inside it that reads like an instruction to the model
// ("ignore previous instructions", "you are now...", "revela el prompt") is removed before
// it reaches a prompt, and the data is JSON with <, > and & escaped, so it can neither
// give orders nor close the block it sits in.
const INSTRUCTION_LIKE = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,60}\b(?:instructions?|rules?|prompts?|guidelines|above|previous|prior|system)\b/i,
  /\b(?:reveal|print|show|repeat|leak|output)\b[^.!?\n]{0,40}\b(?:system prompt|prompt|instructions|rules|hidden)\b/i,
  /\byou are now\b|\bact as\b|\bpretend to be\b|\bnew instructions?\b|\bsystem prompt\b|\bdeveloper mode\b|\bjailbreak\b/i,
  /\b(?:ignora|olvida|omite|descarta)\b[^.!?\n]{0,60}\b(?:instrucciones|reglas|indicaciones|prompt|anteriores)\b/i,
  /\b(?:revela|muestra|repite|imprime)\b[^.!?\n]{0,40}\b(?:prompt|instrucciones|reglas)\b/i,
  /\b(?:ahora eres|actua como|actúa como|nuevas instrucciones)\b/i,
  /<\s*\/?\s*(?:system|assistant|user|products|instructions)\s*>/i,
];

export const REMOVED_MARKER = '[instruction-like text removed]';

/** Replaces each sentence that looks like an instruction with a marker. */
export function neutralizeInstructions(text: string): string {
  const sentences = text.split(/(?<=[.!?\n])\s+/);
  return sentences.map((s) => (INSTRUCTION_LIKE.some((re) => re.test(s)) ? REMOVED_MARKER : s)).join(' ');
}

/** JSON that is safe to embed between delimiters in a prompt. */
export const toPromptJson = (value: unknown): string =>
  JSON.stringify(value, null, 1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
