// The shopper's cart, persisted per user. Every write is one atomic statement guarded by
// the product's live stock, so concurrent requests on one line never lose an update; every
// committed change bumps the cart's version and is announced on the bus (`cart.changed`)
// with the whole cart and that version, so the user's other tabs and devices follow on every
// instance and can drop anything older than what they hold.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AddCartItemInput, Cart } from '@gpu/shared';
import type { EventBus } from '../../platform/bus.js';
import { conflict, notFound, unauthorized } from '../../platform/errors.js';
import { isForeignKeyViolation } from '../../db/pg-errors.js';
import { readCart } from './cart-queries.js';

export interface CartServiceDeps {
  /** A fresh EntityManager per call (a fork of the ORM's global one). */
  em: () => EntityManager;
  bus: EventBus;
}

export class CartService {
  constructor(private readonly deps: CartServiceDeps) {}

  get(userId: string): Promise<Cart> {
    return readCart(this.deps.em(), userId);
  }

  /** Adds `quantity` units; 404 for an unknown or inactive product, 409 past the stock. */
  async add(userId: string, input: AddCartItemInput): Promise<Cart> {
    return this.change(userId, async (tx, cartId) => {
      // Insert the line, or add to it: the WHERE is evaluated on the latest row version under
      // the row lock ON CONFLICT takes, so 100 parallel "+1" end at min(100, stock).
      const rows = await tx.execute<{ quantity: number }[]>(
        `insert into cart_items (cart_id, gpu_id, quantity)
           select ?, g.id, ? from gpus g where g.id = ? and g.is_active and g.stock >= ?
         on conflict (cart_id, gpu_id) do update
           set quantity = cart_items.quantity + excluded.quantity
           where cart_items.quantity + excluded.quantity <=
                 (select stock from gpus where id = excluded.gpu_id and is_active)
         returning quantity`,
        [cartId, input.quantity, input.gpuId, input.quantity],
      );
      if (rows.length === 0) await this.refuse(tx, cartId, input.gpuId, input.quantity, 'add');
    });
  }

  /** Sets a line's quantity (creating the line if needed); 0 removes it. */
  async set(userId: string, gpuId: string, quantity: number): Promise<Cart> {
    if (quantity === 0) return this.remove(userId, gpuId);
    return this.change(userId, async (tx, cartId) => {
      const rows = await tx.execute<{ quantity: number }[]>(
        `insert into cart_items (cart_id, gpu_id, quantity)
           select ?, g.id, ? from gpus g where g.id = ? and g.is_active and g.stock >= ?
         on conflict (cart_id, gpu_id) do update set quantity = excluded.quantity
         returning quantity`,
        [cartId, quantity, gpuId, quantity],
      );
      if (rows.length === 0) await this.refuse(tx, cartId, gpuId, quantity, 'set');
    });
  }

  /** Removes a line; removing a line that is not there is not an error. */
  async remove(userId: string, gpuId: string): Promise<Cart> {
    return this.change(userId, async (tx, cartId) => {
      await tx.execute(`delete from cart_items where cart_id = ? and gpu_id = ?`, [cartId, gpuId]);
    });
  }

  /**
   * Runs a write in a transaction that first locks (or creates) the user's cart row and bumps
   * its version, so the writes of one user are serialized and numbered; the cart is read back
   * inside the same transaction and that exact state is published after commit. A request
   * that commits later always carries a higher version, whatever order the publishes arrive in.
   */
  private async change(userId: string, write: (tx: EntityManager, cartId: string) => Promise<void>): Promise<Cart> {
    let cart: Cart;
    try {
      cart = await this.deps.em().transactional(async (tx) => {
        const rows = await tx.execute<{ id: string }[]>(
          `insert into carts (user_id) values (?)
           on conflict (user_id) do update set updated_at = now(), version = carts.version + 1
           returning id`,
          [userId],
        );
        await write(tx, rows[0]!.id);
        return readCart(tx, userId);
      });
    } catch (err) {
      if (isForeignKeyViolation(err)) throw unauthorized('This account no longer exists');
      throw err;
    }
    await this.deps.bus.publish('cart.changed', { userId, cart });
    return cart;
  }

  /** Explains why a guarded write changed no row: unknown product (404) or not enough stock (409). */
  private async refuse(
    tx: EntityManager,
    cartId: string,
    gpuId: string,
    quantity: number,
    mode: 'add' | 'set',
  ): Promise<never> {
    const rows = await tx.execute<{ name: string; stock: number; is_active: boolean; in_cart: number | null }[]>(
      `select g.name, g.stock, g.is_active,
              (select quantity from cart_items where cart_id = ? and gpu_id = g.id) as in_cart
         from gpus g where g.id = ?`,
      [cartId, gpuId],
    );
    const gpu = rows[0];
    if (!gpu || !gpu.is_active) throw notFound('Product');
    const stock = Number(gpu.stock);
    const inCart = Number(gpu.in_cart ?? 0);
    const wanted = mode === 'add' ? inCart + quantity : quantity;
    const detail =
      stock === 0
        ? `"${gpu.name}" is out of stock`
        : `Only ${stock} unit(s) of "${gpu.name}" in stock; the cart would hold ${wanted}` +
          (mode === 'add' && inCart > 0 ? ` (it already has ${inCart})` : '');
    throw conflict(detail, 'out_of_stock');
  }
}
