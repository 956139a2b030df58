import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { GpuSpecs } from '@gpu/shared';
import { artSpec, fanCount, type ArtProduct } from './art-spec.js';
import { cardSvg, OUTPUT_HEIGHT, OUTPUT_WIDTH } from './card-svg.js';
import { renderProductArt } from './render.js';
import { fitLines, textWidth } from './svg-text.js';

const product = (name: string, specs: GpuSpecs = {}, brand: ArtProduct['brand'] = 'NVIDIA'): ArtProduct => ({
  name,
  brand,
  vramGb: 12,
  specs: { boardPartner: 'MSI', series: 'GeForce RTX 40', memoryType: 'GDDR6X', lengthMm: 240, slots: 2.5, ...specs },
});
const fansDrawn = (svg: string) => (svg.match(/<g transform="translate\(/g) ?? []).length;

describe('fan count', () => {
  it('reads it from the model name first, then from the board length', () => {
    expect(fanCount('MSI GeForce RTX 4060 VENTUS 2X BLACK 8G OC', { lengthMm: 199 })).toBe(2);
    expect(fanCount('MSI GeForce RTX 4070 Ti GAMING X TRIO 12G', { lengthMm: 337 })).toBe(3);
    expect(fanCount('ASUS Dual GeForce RTX 4060 OC Edition 8GB', { lengthMm: 227 })).toBe(2);
    expect(fanCount('ASRock Intel Arc A310 Low Profile 4GB', { lengthMm: 170 })).toBe(1);
    expect(fanCount('Some Card 8GB', { lengthMm: 170 })).toBe(1);
    expect(fanCount('Some Card 8GB', { lengthMm: 240 })).toBe(2);
    expect(fanCount('Some Card 8GB', { lengthMm: 320 })).toBe(3);
    expect(fanCount('PNY NVIDIA RTX 6000 Ada Generation 48GB', { lengthMm: 267 }, 'a dual-slot blower design')).toBe(1);
  });
});

describe('picture template', () => {
  it('draws as many fans as the cooler has, in the chip brand colour', () => {
    const three = cardSvg(artSpec(product('MSI GeForce RTX 4080 GAMING X TRIO', { lengthMm: 337 })));
    const one = cardSvg(artSpec(product('Radeon RX 6400 ITX', { lengthMm: 150 }, 'AMD')));
    expect(fansDrawn(three)).toBe(3);
    expect(fansDrawn(one)).toBe(1);
    expect(three).toContain('#76b900');
    expect(one).toContain('#ed1c24');
    expect(one).not.toContain('#76b900');
  });

  it('scales the card with its length and thickens it with its slots', () => {
    const width = (svg: string) => Number(/<rect x="[\d.]+" y="232" width="([\d.]+)"/.exec(svg)?.[1]);
    const short = cardSvg(artSpec(product('A', { lengthMm: 200 })));
    const long = cardSvg(artSpec(product('A', { lengthMm: 300 })));
    expect(width(long) - width(short)).toBeCloseTo(100 * 2.2, 0);
    const thin = artSpec(product('A', { slots: 2 }));
    const thick = artSpec(product('A', { slots: 3.5 }));
    expect(cardSvg(thin)).not.toBe(cardSvg(thick));
  });

  it('has text as glyph outlines only, so no font is needed to render it', () => {
    const svg = cardSvg(artSpec(product('ASUS ROG Strix GeForce RTX 4090 OC Edition 24GB')));
    expect(svg).not.toMatch(/<text|font-family/);
  });

  it('renders to an 800 x 600 WebP', async () => {
    const bytes = await renderProductArt(product('Gigabyte GeForce RTX 4070 WINDFORCE OC 12G'));
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', OUTPUT_WIDTH, OUTPUT_HEIGHT]);
  });
});

describe('fitting the name', () => {
  it('keeps a short name on one line at full size', () => {
    expect(fitLines('RTX 4060', { maxWidth: 800, size: 50, minSize: 30, maxLines: 2, weight: 700 })).toEqual({
      lines: ['RTX 4060'],
      size: 50,
    });
  });

  it('wraps a long name onto two lines that fit, shrinking when it must', () => {
    const name = 'ASUS ROG Strix GeForce RTX 4090 OC Edition 24GB White Special Limited';
    const fit = fitLines(name, { maxWidth: 840, size: 50, minSize: 30, maxLines: 2, weight: 700 });
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines.join(' ')).toBe(name);
    for (const line of fit.lines) expect(textWidth(line, fit.size, 700)).toBeLessThanOrEqual(840);
  });

  it('cuts with an ellipsis what cannot fit even at the smallest size', () => {
    const fit = fitLines('word '.repeat(60).trim(), { maxWidth: 300, size: 40, minSize: 30, maxLines: 2, weight: 700 });
    expect(fit.size).toBe(30);
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines[1]).toMatch(/…$/);
  });
});
