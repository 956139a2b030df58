// The one place stock changes. Writes run inside the caller's transaction (pass its
// EntityManager); `publish` announces committed changes on the bus, so watchers and
// admins never see a value that was rolled back.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StockLevel } from '@gpu/shared';
import type { EventBus } from '../../platform/bus.js';
import { stockChanges } from '../../platform/metrics.js';

export interface StockChange {
  gpuId: string;
  stock: number;
  reason: 'checkout' | 'admin' | 'restock' | 'seed' | string;
}

export class StockService {
  constructor(private readonly bus: EventBus) {}

  /**
   * Conditional decrement: succeeds only if enough stock remains. Returns the new level,
   * or null when the row does not have `quantity` units (nothing is changed then).
   */
  async decrement(em: EntityManager, gpuId: string, quantity: number): Promise<number | null> {
    const rows = await em.execute<{ stock: number }[]>(
      `update gpus set stock = stock - ?, updated_at = now() where id = ? and is_active and stock >= ? returning stock`,
      [quantity, gpuId, quantity],
    );
    return rows.length === 1 ? Number(rows[0]!.stock) : null;
  }

  /** Sets an absolute level (admin edits). Returns the new level, or null if the product does not exist. */
  async set(em: EntityManager, gpuId: string, stock: number): Promise<number | null> {
    const rows = await em.execute<{ stock: number }[]>(
      `update gpus set stock = ?, updated_at = now() where id = ? returning stock`,
      [stock, gpuId],
    );
    return rows.length === 1 ? Number(rows[0]!.stock) : null;
  }

  async levels(em: EntityManager, gpuIds: string[]): Promise<StockLevel[]> {
    if (gpuIds.length === 0) return [];
    const rows = await em.execute<{ id: string; stock: number }[]>(
      `select id, stock from gpus where id in (${gpuIds.map(() => '?').join(',')})`,
      gpuIds,
    );
    return rows.map((r) => ({ gpuId: r.id, stock: Number(r.stock) }));
  }

  /** Call after the transaction commits. */
  async publish(changes: StockChange[]): Promise<void> {
    for (const c of changes) {
      stockChanges.inc({ reason: c.reason });
      await this.bus.publish('stock.changed', c);
    }
  }
}
