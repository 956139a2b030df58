// The shopper's own hardware: power supply watts ("fuente de 550W", "550w psu", "a 650 W
// power supply") and case clearance for the card ("gabinete de 300 mm", "max 280mm card",
// "30 cm"), for the compatibility checker.
const WATTS = /(\d{3,4})\s?(?:w|watts?|vatios|wats)\b/g;
const LENGTH = /(\d{2,3}(?:[.,]\d)?)\s?(mm|cm|millimeters|milimetros|centimetros)\b/g;

export function parsePsuWatts(folded: string): number | null {
  for (const m of folded.matchAll(WATTS)) {
    const w = Number(m[1]);
    // Below 200 W is a card's board power ("a 70W card"), not a power supply.
    if (w >= 200 && w <= 2000) return w;
  }
  return null;
}

export function parseCaseLengthMm(folded: string): number | null {
  for (const m of folded.matchAll(LENGTH)) {
    const n = Number(m[1]!.replace(',', '.'));
    const mm = m[2]!.startsWith('c') ? n * 10 : n;
    if (mm >= 120 && mm <= 500) return Math.round(mm);
  }
  return null;
}
