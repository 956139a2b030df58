import { z } from 'zod';

export const uuid = z.string().uuid();
/** Money in US dollars with at most two decimals, stored exactly as integer cents. */
export const money = z
  .number()
  .finite()
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'at most 2 decimals' });

export const idParam = z.object({ id: uuid });
