// The one place stock changes. Writes run inside the caller's transaction (pass its
// EntityManager) and bump the product's `version` in the same statement, reading both back;
// `publish` announces committed changes on the bus with exactly what the transaction wrote,
// so watchers and admins never see a value that was rolled back, and can order what they see.
// The writes are raw SQL for atomicity: a guarded `update ... where stock >= ?` that bumps the
// version and returns both in one statement (no read-modify-write, no oversell); reads use the ORM.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StockLevel } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';
import type { EventBus } from '../../platform/bus.js';
import { stockChanges } from '../../platform/metrics.js';
import { recordLevel } from './stock-history.js';

export interface StockChange {
  gpuId: string;
  stock: number;
  /** The product's version after this change (gpus.version). */
  version: number;
  reason: 'checkout' | 'admin' | 'restock' | 'seed' | string;
}

interface StockRow {
  id: string;
  stock: number;
  version: string | number;
}

const toLevel = (r: StockRow): StockLevel => ({ gpuId: r.id, stock: Number(r.stock), version: Number(r.version) });

export class StockService {
  constructor(private readonly bus: EventBus) {}

  /**
   * Conditional decrement: succeeds only if enough stock remains. Returns the new level and
   * version, or null when the row does not have `quantity` units (nothing is changed then).
   */
  async decrement(em: EntityManager, gpuId: string, quantity: number): Promise<StockLevel | null> {
    const rows = await em.execute<StockRow[]>(
      `update gpus set stock = stock - ?, version = version + 1, updated_at = now()
        where id = ? and is_active and stock >= ? returning id, stock, version`,
      [quantity, gpuId, quantity],
    );
    if (rows.length === 1) await recordLevel(em, gpuId);
    return rows.length === 1 ? toLevel(rows[0]!) : null;
  }

  /** Sets an absolute level (admin edits). Returns level and version, or null if the product does not exist. */
  async set(em: EntityManager, gpuId: string, stock: number): Promise<StockLevel | null> {
    const rows = await em.execute<StockRow[]>(
      `update gpus set stock = ?, version = version + 1, updated_at = now() where id = ? returning id, stock, version`,
      [stock, gpuId],
    );
    if (rows.length === 1) await recordLevel(em, gpuId);
    return rows.length === 1 ? toLevel(rows[0]!) : null;
  }

  async levels(em: EntityManager, gpuIds: string[]): Promise<StockLevel[]> {
    if (gpuIds.length === 0) return [];
    const rows = await em.find(
      GpuRecord,
      { id: { $in: gpuIds } },
      { fields: ['id', 'stock', 'version'], disableIdentityMap: true },
    );
    return rows.map((r) => ({ gpuId: r.id, stock: r.stock, version: r.version }));
  }

  /** Call after the transaction commits. */
  async publish(changes: StockChange[]): Promise<void> {
    for (const c of changes) {
      stockChanges.inc({ reason: c.reason });
      await this.bus.publish('stock.changed', c);
    }
  }
}
