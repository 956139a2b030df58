// Text as SVG paths, from a font shipped as a package (Inter, SIL OFL): the picture looks the
// same on every machine, including slim container images without any system font.
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type Weight = 500 | 700;

const fonts = new Map<Weight, fontkit.Font>();

function font(weight: Weight): fontkit.Font {
  let f = fonts.get(weight);
  if (!f) {
    const opened = fontkit.openSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
    if (!('layout' in opened)) throw new Error('expected a single font, got a collection');
    f = opened;
    fonts.set(weight, f);
  }
  return f;
}

// Glyphs straight from the character map, spaced by their advance widths: no shaping (a few
// ms per string in fontkit, and model names need neither ligatures nor contextual forms).
const unitWidths = new Map<string, number>();
// Glyph outlines in font units, flipped to SVG's downward y, converted once per glyph.
const outlines = new Map<string, string>();

function glyphs(text: string, weight: Weight): fontkit.Glyph[] {
  return font(weight).glyphsForString(text);
}

function unitWidth(text: string, weight: Weight): number {
  const key = `${weight}:${text}`;
  let w = unitWidths.get(key);
  if (w === undefined) {
    w = glyphs(text, weight).reduce((sum, g) => sum + g.advanceWidth, 0);
    if (unitWidths.size > 50_000) unitWidths.clear();
    unitWidths.set(key, w);
  }
  return w;
}

function outline(weight: Weight, glyph: fontkit.Glyph): string {
  const key = `${weight}:${glyph.id}`;
  let d = outlines.get(key);
  if (d === undefined) {
    d = glyph.path.scale(1, -1).toSVG();
    outlines.set(key, d);
  }
  return d;
}

const n = (v: number) => Math.round(v * 100) / 100;

/** Width of `text` at `size` px. */
export function textWidth(text: string, size: number, weight: Weight): number {
  return (unitWidth(text, weight) * size) / font(weight).unitsPerEm;
}

export interface TextOptions {
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  weight: Weight;
  fill: string;
  anchor?: 'start' | 'middle';
}

/** A group of glyph outlines drawing `text` (no font is needed to render it). */
export function textPath(text: string, o: TextOptions): string {
  const f = font(o.weight);
  const scale = o.size / f.unitsPerEm;
  const s = scale.toPrecision(5);
  let x = o.anchor === 'middle' ? o.x - textWidth(text, o.size, o.weight) / 2 : o.x;
  let paths = '';
  for (const glyph of glyphs(text, o.weight)) {
    const d = outline(o.weight, glyph);
    if (d) paths += `<path transform="matrix(${s} 0 0 ${s} ${n(x)} ${n(o.y)})" d="${d}"/>`;
    x += glyph.advanceWidth * scale;
  }
  return paths ? `<g fill="${o.fill}">${paths}</g>` : '';
}

function wrap(words: string[], size: number, maxWidth: number, weight: Weight): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Splits `text` into at most `maxLines` lines no wider than `maxWidth`, shrinking the size
 * (down to `minSize`) until it fits; past that, the last line ends with an ellipsis.
 */
export function fitLines(
  text: string,
  o: { maxWidth: number; size: number; minSize: number; maxLines: number; weight: Weight },
): { lines: string[]; size: number } {
  const words = text.split(/\s+/).filter(Boolean);
  for (let size = o.size; size >= o.minSize; size -= 2) {
    const lines = wrap(words, size, o.maxWidth, o.weight);
    if (lines.length <= o.maxLines && lines.every((l) => textWidth(l, size, o.weight) <= o.maxWidth)) {
      return { lines, size };
    }
  }
  const lines = wrap(words, o.minSize, o.maxWidth, o.weight);
  const kept = lines.slice(0, o.maxLines);
  if (lines.length > o.maxLines) kept[o.maxLines - 1] = `${kept[o.maxLines - 1]}…`;
  return { lines: kept, size: o.minSize };
}
