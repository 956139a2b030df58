// The admin dashboard's starting point: every product's stock, price, state and stock
// version, sent on connect to `/admin` (`inventory:snapshot`); live `stock:update` events
// follow, and the dashboard drops any whose version is not above what it holds.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InventorySnapshotEvent } from '@gpu/shared';

export async function inventorySnapshot(em: EntityManager): Promise<InventorySnapshotEvent> {
  const rows = await em.execute<
    {
      id: string;
      name: string;
      stock: number;
      price_cents: string | number;
      is_active: boolean;
      version: string | number;
    }[]
  >(`select id, name, stock, price_cents, is_active, version from gpus order by name, id`);
  return {
    items: rows.map((r) => ({
      gpuId: r.id,
      name: r.name,
      stock: Number(r.stock),
      price: Number(r.price_cents) / 100,
      isActive: r.is_active,
      version: Number(r.version),
    })),
  };
}
