import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeThumbnail, thumbnailKeyFor, THUMBNAIL_WIDTH } from './thumbnail.js';
import { sniffImageType } from './image-sniff.js';
import { parseObjectKey } from './image-keys.js';

const image = (width: number, height: number, format: 'png' | 'jpeg' | 'webp') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .withMetadata({ exif: { IFD0: { Copyright: 'secret-owner' } } })
    .toFormat(format)
    .toBuffer();

describe('makeThumbnail', () => {
  it('makes a 320 px wide WebP, keeping the aspect ratio, without metadata', async () => {
    const input = await image(1280, 960, 'jpeg');
    expect(input.includes(Buffer.from('secret-owner'))).toBe(true);
    const out = await makeThumbnail(input);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(THUMBNAIL_WIDTH);
    expect(meta.height).toBe(240);
    expect(meta.exif).toBeUndefined();
    expect(out.includes(Buffer.from('secret-owner'))).toBe(false);
  });

  it('never enlarges a small image', async () => {
    const meta = await sharp(await makeThumbnail(await image(100, 50, 'png'))).metadata();
    expect([meta.width, meta.height]).toEqual([100, 50]);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(makeThumbnail(Buffer.from('definitely not an image'))).rejects.toThrow();
  });
});

describe('keys and sniffing', () => {
  it('derives the thumbnail key by convention and refuses anything else', () => {
    const gpu = randomUUID();
    const id = randomUUID();
    expect(thumbnailKeyFor(`original/${gpu}/${id}.png`)).toBe(`thumbnails/${gpu}/${id}.webp`);
    for (const bad of [
      `thumbnails/${gpu}/${id}.webp`,
      `original/${gpu}/../${id}.png`,
      `original/${gpu}/${id}.gif`,
      `original/x/${id}.png`,
      `/original/${gpu}/${id}.png`,
    ]) {
      expect(() => thumbnailKeyFor(bad)).toThrow();
      if (!bad.startsWith('thumbnails')) expect(parseObjectKey(bad)).toBeNull();
    }
  });

  it('recognises jpeg, png and webp by magic number', async () => {
    expect(sniffImageType(await image(4, 4, 'jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(await image(4, 4, 'png'))).toBe('image/png');
    expect(sniffImageType(await image(4, 4, 'webp'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});
