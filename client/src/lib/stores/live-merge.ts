// How live state is merged, whatever order it arrives in (pushes from any server instance,
// acks, REST answers): each value carries the database's version, and a holder keeps the
// highest (shared/src/live-version.ts). Plain functions over plain maps, so Node tests run
// them; the Svelte stores call them with their reactive state.
import { isNewerVersion, type Cart, type InventoryItem, type StockLevel } from '@gpu/shared';

/** Applies a stock level (push or ack) unless an equal or newer one is held. True when applied. */
export function mergeStock(
  levels: Map<string, number>,
  versions: Map<string, number>,
  level: Pick<StockLevel, 'gpuId' | 'stock'> & { version?: number },
): boolean {
  if (!isNewerVersion(versions.get(level.gpuId), level.version)) return false;
  levels.set(level.gpuId, level.stock);
  if (typeof level.version === 'number') versions.set(level.gpuId, level.version);
  return true;
}

export interface HeldCart {
  cart: Cart;
  /** undefined until a versioned cart arrived (and again after a change of user). */
  version: number | undefined;
}

/** The cart to show after `incoming` (a push or a REST answer): the newer of the two. */
export function mergeCart(held: HeldCart, incoming: Cart): HeldCart {
  if (!isNewerVersion(held.version, incoming.version)) return held;
  return { cart: incoming, version: incoming.version };
}

export interface InventoryEntry extends Omit<InventoryItem, 'version'> {
  version?: number;
}

/** Applies a stock push to an inventory row; false when the row is unknown or the push is stale. */
export function mergeInventoryStock(row: InventoryEntry | undefined, update: StockLevel): boolean {
  if (!row || !isNewerVersion(row.version, update.version)) return false;
  row.stock = update.stock;
  row.version = update.version;
  return true;
}
