// Retrieval reads products as the catalog's `GpuRow` and shows them as `Gpu` through the
// catalog's own mapping (cents -> dollars, image keys -> public URLs).
import { centsToDollars } from '../../../db/types/money.js';
import type { GpuRow } from '../../catalog/gpu-row.js';

export { gpuColumns as PRODUCT_COLUMNS, toGpu, type AssetUrl } from '../../catalog/gpu-row.js';
export type ProductRow = GpuRow;

export const priceOf = (row: Pick<GpuRow, 'price_cents'>): number => centsToDollars(row.price_cents);
