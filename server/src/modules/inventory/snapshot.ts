// The admin dashboard's starting point: every product's stock, price, state and stock
// version, sent on connect to `/admin` (`inventory:snapshot`); live `stock:update` events
// follow, and the dashboard drops any whose version is not above what it holds.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InventorySnapshotEvent } from '@gpu/shared';
import { GpuRecord } from '../../db/entities/index.js';

export async function inventorySnapshot(em: EntityManager): Promise<InventorySnapshotEvent> {
  const rows = await em.find(
    GpuRecord,
    {},
    {
      fields: ['id', 'name', 'stock', 'price', 'isActive', 'version'],
      orderBy: { name: 'asc', id: 'asc' },
      disableIdentityMap: true,
    },
  );
  return {
    items: rows.map((r) => ({
      gpuId: r.id,
      name: r.name,
      stock: r.stock,
      price: r.price,
      isActive: r.isActive,
      version: r.version,
    })),
  };
}
