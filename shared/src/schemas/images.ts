import { z } from 'zod';
import { uuid } from './common.js';

export const imageContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Largest original image accepted by an upload URL. */
export const maxImageBytes = 8 * 1024 * 1024;

export const uploadRequestSchema = z
  .object({
    gpuId: uuid,
    contentType: z.enum(imageContentTypes),
    filename: z.string().trim().min(1).max(200),
    /** Optional declared size; refused above maxImageBytes. */
    contentLength: z.number().int().min(1).max(maxImageBytes).optional(),
  })
  .strict();
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export const uploadResponseSchema = z.object({
  uploadUrl: z.string(),
  key: z.string(),
  thumbnailKey: z.string(),
  expiresIn: z.number().int(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  maxBytes: z.number().int(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

/** After a PUT to an S3 upload URL: record the object as the product's image. */
export const imageCompleteSchema = z
  .object({
    gpuId: uuid,
    key: z.string().min(1).max(300),
  })
  .strict();
export type ImageCompleteInput = z.infer<typeof imageCompleteSchema>;

/** Answer of POST /api/images/complete and of a local-store upload PUT. */
export const imageCompleteResponseSchema = z.object({
  gpuId: uuid,
  key: z.string(),
  thumbnailKey: z.string(),
  imageUrl: z.string(),
  thumbnailUrl: z.string(),
});
export type ImageCompleteResponse = z.infer<typeof imageCompleteResponseSchema>;
