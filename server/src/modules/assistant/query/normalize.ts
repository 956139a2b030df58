// Text normalisation for the phrase matchers: lower case, accents folded ("dólares" ->
// "dolares", "más" -> "mas"), whitespace collapsed. Symbols like $ + ¿ are kept.
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parses an amount written the English or Spanish way: "1,200", "1.000", "999.99",
 * "999,99", "1.200,50", "1.5k". Returns null when it is not a number.
 */
export function parseAmount(raw: string): number | null {
  let s = raw.replace(/\s+/g, '').toLowerCase();
  let factor = 1;
  if (s.endsWith('k')) {
    factor = 1000;
    s = s.slice(0, -1);
  }
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the later one is the decimal mark.
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalized = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const groupsOfThree = parts.slice(1).every((p) => p.length === 3);
    // "1.000" and "1,200" group thousands; "999.99", "1.5" and "999,99" are decimals.
    normalized = parts.length > 2 || (groupsOfThree && factor === 1) ? parts.join('') : parts.join('.');
  } else {
    normalized = s;
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n * factor : null;
}
