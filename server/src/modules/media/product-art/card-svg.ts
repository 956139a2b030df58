// The SVG template of a product picture (drawn on a 960 x 720 canvas, output at OUTPUT size):
// the model name, a front view of the
// card drawn to scale (length in mm, cooler thickness in slots, its fans) in the chip brand's
// colours, a dimension line with the length, and memory, slots and fans as chips.
import type { ArtSpec } from './art-spec.js';
import { fitLines, textPath, textWidth } from './svg-text.js';

export const ART_WIDTH = 960;
export const ART_HEIGHT = 720;
/** Pixels of the stored picture: 2x the largest place it is shown (about 400 CSS px on a product page). */
export const OUTPUT_WIDTH = 800;
export const OUTPUT_HEIGHT = 600;

const PX_PER_MM = 2.2;
const FACE_MM = 118; // a typical card's height (PCB plus shroud)
const MIN_LENGTH_MM = 150;
const MAX_LENGTH_MM = 365;
const TEXT = '#ffffff';
const SOFT_TEXT = '#dde1ea';

const r = (n: number) => Math.round(n * 10) / 10;

function fan(cx: number, cy: number, radius: number, spec: ArtSpec, id: number): string {
  const blades = 9;
  const blade = (i: number) => {
    const a = (i * 360) / blades;
    // A swept blade: from the hub outwards, curving with the rotation.
    const d = `M0 ${r(-radius * 0.26)} C ${r(radius * 0.38)} ${r(-radius * 0.42)} ${r(radius * 0.36)} ${r(-radius * 0.8)} ${r(
      radius * 0.06,
    )} ${r(-radius * 0.9)} C ${r(radius * 0.08)} ${r(-radius * 0.62)} ${r(-radius * 0.02)} ${r(-radius * 0.42)} ${r(
      -radius * 0.16,
    )} ${r(-radius * 0.24)} Z`;
    return `<path d="${d}" transform="rotate(${a})"/>`;
  };
  const bladeFill = spec.whiteShroud ? '#b9bfcc' : '#3b4252';
  return `<g transform="translate(${r(cx)} ${r(cy)})">
<circle r="${r(radius)}" fill="${spec.whiteShroud ? '#d3d7df' : '#0b0d12'}"/>
<circle r="${r(radius * 0.93)}" fill="url(#fanwell${id})"/>
<g fill="${bladeFill}">${Array.from({ length: blades }, (_, i) => blade(i)).join('')}</g>
<circle r="${r(radius * 0.25)}" fill="${spec.whiteShroud ? '#e9ebf0' : '#1a1e27'}" stroke="${spec.palette.accent}" stroke-width="${r(radius * 0.05)}"/>
</g>`;
}

function chip(x: number, y: number, label: string): { svg: string; width: number } {
  const size = 24;
  const width = textWidth(label, size, 500) + 36;
  return {
    width,
    svg: `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="44" rx="22" fill="#ffffff" fill-opacity="0.12" stroke="#ffffff" stroke-opacity="0.25"/>${textPath(label, { x: x + 18, y: y + 30, size, weight: 500, fill: TEXT })}`,
  };
}

export function cardSvg(spec: ArtSpec): string {
  const { accent, backdrop } = spec.palette;
  const lengthMm = Math.min(MAX_LENGTH_MM, Math.max(MIN_LENGTH_MM, spec.lengthMm ?? 240));
  const length = lengthMm * PX_PER_MM;
  const face = FACE_MM * PX_PER_MM;
  const depth = Math.max(12, spec.slots * 11); // the cooler's thickness seen from slightly below
  const x0 = (ART_WIDTH - length) / 2;
  const top = 232;
  const bracket = 14;

  // Name: up to two lines, shrinking to fit.
  const name = fitLines(spec.name, { maxWidth: ART_WIDTH - 120, size: 50, minSize: 32, maxLines: 2, weight: 700 });
  const nameSvg = name.lines
    .map((line, i) =>
      textPath(line, { x: 60, y: 132 + i * name.size * 1.14, size: name.size, weight: 700, fill: TEXT }),
    )
    .join('');

  // Fans, evenly spread over the shroud.
  const body = length - bracket - 24;
  const radius = Math.min(face * 0.4, (body / spec.fans) * 0.45);
  const fans = Array.from({ length: spec.fans }, (_, i) =>
    fan(x0 + bracket + 12 + (body * (i + 0.5)) / spec.fans, top + face / 2, radius, spec, i),
  ).join('');
  const fanWells = Array.from(
    { length: spec.fans },
    (_, i) =>
      `<radialGradient id="fanwell${i}"><stop offset="0" stop-color="${spec.whiteShroud ? '#f3f4f7' : '#232833'}"/><stop offset="1" stop-color="${spec.whiteShroud ? '#c5cad4' : '#090b0f'}"/></radialGradient>`,
  ).join('');

  const shroud = spec.whiteShroud ? ['#f1f2f5', '#c8ccd6'] : ['#2c313d', '#12151c'];
  const dimY = top + face + depth + 48;
  const lengthLabel = spec.lengthMm ? `${spec.lengthMm} mm` : '';
  // The line breaks around the label (or closes when the length is unknown).
  const gap = lengthLabel ? textWidth(lengthLabel, 30, 700) / 2 + 16 : 0;

  let chipX = 60;
  const chips = [spec.memory, `${spec.slots} slot`, `${spec.fans}× fan`]
    .map((label) => {
      const c = chip(chipX, 636, label);
      chipX += c.width + 14;
      return c.svg;
    })
    .join('');

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OUTPUT_WIDTH}" height="${OUTPUT_HEIGHT}" viewBox="0 0 ${ART_WIDTH} ${ART_HEIGHT}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${backdrop[0]}"/><stop offset="1" stop-color="${backdrop[1]}"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="${accent}" stop-opacity="0.28"/><stop offset="1" stop-color="${accent}" stop-opacity="0"/></radialGradient>
<linearGradient id="shroud" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shroud[0]}"/><stop offset="1" stop-color="${shroud[1]}"/></linearGradient>
${fanWells}
</defs>
<rect width="${ART_WIDTH}" height="${ART_HEIGHT}" fill="url(#bg)"/>
<ellipse cx="${ART_WIDTH / 2}" cy="${r(top + face / 2)}" rx="${r(length / 2 + 60)}" ry="${r(face / 2 + 90)}" fill="url(#glow)"/>
${textPath(spec.subtitle, { x: 60, y: 72, size: 26, weight: 500, fill: SOFT_TEXT })}
${nameSvg}
<rect x="${r(x0 + bracket)}" y="${r(top + face - 6)}" width="${r(length - bracket)}" height="${r(depth + 6)}" rx="8" fill="#05060a"/>
<rect x="${r(x0 + bracket + 40)}" y="${r(top + face + depth - 2)}" width="${r(72 * PX_PER_MM * 0.6)}" height="9" fill="#c9a227"/>
<rect x="${r(x0 + length - 90)}" y="${r(top - 10)}" width="46" height="14" rx="2" fill="#05060a"/>
<rect x="${r(x0)}" y="${r(top - 14)}" width="${bracket}" height="${r(face + depth + 22)}" rx="2" fill="#aab1bd"/>
<rect x="${r(x0 + bracket)}" y="${top}" width="${r(length - bracket)}" height="${r(face)}" rx="16" fill="url(#shroud)" stroke="#000000" stroke-opacity="0.5"/>
<rect x="${r(x0 + bracket + 14)}" y="${top + 8}" width="${r(length - bracket - 28)}" height="5" rx="2.5" fill="${accent}"/>
${fans}
<g stroke="${accent}" stroke-width="3">
<line x1="${r(x0)}" y1="${r(dimY)}" x2="${r(ART_WIDTH / 2 - gap)}" y2="${r(dimY)}"/>
<line x1="${r(ART_WIDTH / 2 + gap)}" y1="${r(dimY)}" x2="${r(x0 + length)}" y2="${r(dimY)}"/>
<line x1="${r(x0)}" y1="${r(dimY - 14)}" x2="${r(x0)}" y2="${r(dimY + 14)}"/>
<line x1="${r(x0 + length)}" y1="${r(dimY - 14)}" x2="${r(x0 + length)}" y2="${r(dimY + 14)}"/>
</g>
${textPath(lengthLabel, { x: ART_WIDTH / 2, y: dimY + 11, size: 30, weight: 700, fill: TEXT, anchor: 'middle' })}
${chips}
</svg>`;
}
