// Product text is normalized when it is written, once, so what is stored, searched, shown and
// put into prompts is what a reader sees: Unicode NFKC (fullwidth and other compatibility
// forms become plain letters), invisible characters (zero-width, bidirectional controls, tag
// characters) and control characters removed. Names and spec strings become one line with
// single spaces; descriptions keep their line breaks and tabs.
import { CONTROL, CONTROL_EXCEPT_TAB_NEWLINE, INVISIBLE } from '@gpu/shared';

export function normalizeLine(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export function normalizeMultiline(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL_EXCEPT_TAB_NEWLINE, '')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

type Specs = Record<string, string | number | boolean | undefined>;

interface ProductText {
  name?: string;
  description?: string;
  descriptions?: Partial<Record<string, string>>;
  specs?: Specs;
}

/** The same input with its text fields normalized (other fields untouched). */
export function normalizeProductText<T extends ProductText>(input: T): T {
  const out: T = { ...input };
  if (input.name !== undefined) out.name = normalizeLine(input.name);
  if (input.description !== undefined) out.description = normalizeMultiline(input.description);
  if (input.descriptions !== undefined) {
    out.descriptions = Object.fromEntries(
      Object.entries(input.descriptions).map(([lang, text]) => [
        lang,
        text === undefined ? text : normalizeMultiline(text),
      ]),
    );
  }
  if (input.specs !== undefined) {
    out.specs = Object.fromEntries(
      Object.entries(input.specs).map(([k, v]) => [normalizeLine(k), typeof v === 'string' ? normalizeLine(v) : v]),
    ) as T['specs'];
  }
  return out;
}
