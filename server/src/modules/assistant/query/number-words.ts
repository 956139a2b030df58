// Amounts written in words, in English and Spanish ("five hundred", "two thousand",
// "quinientos", "mil quinientos", "doscientos cincuenta"), turned into digits so the budget
// parser reads them like "500". Small numbers alone ("dos", "one") are left as words: they
// are quantities or ordinals, not money.
const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veinticinco: 25,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, mil: 1000, grand: 1000 };
const JOINERS = new Set(['and', 'y']);

const isWord = (w: string) => w in UNITS || w in SCALES;

/** Replaces each run of number words worth 20 or more by its value in digits. */
export function expandNumberWords(folded: string): string {
  const tokens = folded.split(/(\s+)/);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const w = tokens[i]!;
    if (!isWord(w)) {
      out.push(w);
      i++;
      continue;
    }
    let total = 0;
    let current = 0;
    let j = i;
    let last = i;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (/^\s+$/.test(t)) {
        j++;
        continue;
      }
      if (t in UNITS) current += UNITS[t]!;
      else if (t in SCALES) {
        const scale = SCALES[t]!;
        if (scale === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * scale;
          current = 0;
        }
      } else if (JOINERS.has(t) && j + 2 < tokens.length && isWord(tokens[j + 2]!)) {
        j++;
        continue;
      } else break;
      last = j;
      j++;
    }
    const value = total + current;
    const run = tokens.slice(i, last + 1);
    const words = run.join('');
    // A bare scale ("mil", "grand") is read by the budget parser with its digits ("2 mil").
    const hasUnit = run.some((t) => t in UNITS);
    out.push(value >= 20 && hasUnit ? String(value) : words);
    i = last + 1;
  }
  return out.join('');
}
