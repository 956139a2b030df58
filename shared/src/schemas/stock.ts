import { z } from 'zod';
import { uuid } from './common.js';

export const stockWatchSchema = z.object({ gpuIds: z.array(uuid).min(1).max(200) });
export type StockWatchInput = z.infer<typeof stockWatchSchema>;

export interface StockLevel {
  gpuId: string;
  stock: number;
  /** Grows with every stock change of the product (from the database): keep the highest. */
  version: number;
}
export type StockUpdateEvent = StockLevel;
