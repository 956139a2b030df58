// Object keys for product images, by convention (the Lambda and the server agree on them):
//   original/<gpuId>/<imageId>.<jpg|png|webp>   the uploaded file
//   thumbnails/<gpuId>/<imageId>.webp           its 320 px thumbnail
// Anything else is refused, which also makes path traversal impossible for the local store.
// No imports: the thumbnail Lambda bundles this file.

export const imageTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;
export type ImageContentType = keyof typeof imageTypes;
export type ImageExtension = (typeof imageTypes)[ImageContentType];

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const objectKeyPattern = new RegExp(`^(original|thumbnails)/(${uuid})/(${uuid})\\.(jpg|png|webp)$`);

export interface ObjectKey {
  kind: 'original' | 'thumbnails';
  gpuId: string;
  imageId: string;
  ext: ImageExtension;
}

export function parseObjectKey(key: string): ObjectKey | null {
  const m = objectKeyPattern.exec(key);
  if (!m) return null;
  return { kind: m[1] as ObjectKey['kind'], gpuId: m[2]!, imageId: m[3]!, ext: m[4] as ImageExtension };
}

export function originalKey(gpuId: string, imageId: string, contentType: ImageContentType): string {
  return `original/${gpuId.toLowerCase()}/${imageId.toLowerCase()}.${imageTypes[contentType]}`;
}

export function contentTypeOf(ext: ImageExtension): ImageContentType {
  const found = (Object.keys(imageTypes) as ImageContentType[]).find((t) => imageTypes[t] === ext);
  return found ?? 'image/jpeg';
}
