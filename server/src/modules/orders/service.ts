// Checkout and order history. Checkout turns the user's cart into an order in ONE
// transaction, in this lock order (the same for every request, so no deadlocks):
//   1. the idempotency-key row (parallel repeats of a key queue here),
//   2. the user's cart row (two checkouts of one cart cannot both take it),
//   3. each product row, sorted by id, through StockService's conditional decrement.
// Events (`stock.changed`, `cart.changed`, `order.created`) are published after commit only,
// carrying the versions the transaction wrote. A deadlock or serialization failure (another
// writer taking locks in another order, e.g. an admin bulk edit) is retried once, whole.
//
// What is stored for a key: 201 (the order) and 422 (an empty cart), the request's final
// answers. A 409 (not enough stock, changed prices) is NOT stored: the transaction rolls back,
// the key with it, and the client may fix the cart and retry with the same key.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Cart, CheckoutRequest, Order } from '@gpu/shared';
import type { EventBus } from '../../platform/bus.js';
import {
  AppError,
  conflict,
  serviceUnavailable,
  toProblem,
  unauthorized,
  unprocessable,
} from '../../platform/errors.js';
import { checkouts } from '../../platform/metrics.js';
import { isCheckViolation, isForeignKeyViolation, isRetryableConflict } from '../../db/pg-errors.js';
import { Cart as CartRecord } from '../../db/entities/index.js';
import type { StockChange, StockService } from '../inventory/stock-service.js';
import { readCartLines, toCart, type CartLine } from '../cart/cart-queries.js';
import { claimIdempotencyKey, requestHash, storeIdempotentResult, type StoredResult } from './idempotency.js';
import { centsToDollars, dollarsToCents } from '../../db/types/money.js';
import { availableStock, currentPrices, insertOrder, listOrders } from './order-repository.js';

export interface OrderServiceDeps {
  em: () => EntityManager;
  bus: EventBus;
  stock: StockService;
}

export interface CheckoutResult extends StoredResult {
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

interface Committed {
  order: Order;
  changes: StockChange[];
  /** The emptied cart as the transaction wrote it (its new version). */
  cart: Cart;
}

const ORDER_HISTORY_LIMIT = 100;

export class OrderService {
  constructor(private readonly deps: OrderServiceDeps) {}

  list(userId: string): Promise<Order[]> {
    return listOrders(this.deps.em(), userId, ORDER_HISTORY_LIMIT);
  }

  async checkout(userId: string, key: string, body: CheckoutRequest): Promise<CheckoutResult> {
    let committed: Committed | undefined;
    let result: CheckoutResult;
    try {
      result = await this.runOnceMore(async () => {
        committed = undefined;
        return this.deps.em().transactional(async (tx) => {
          const outcome = await this.checkoutInTransaction(tx, userId, key, body);
          if ('order' in outcome) committed = outcome;
          return 'order' in outcome ? outcome.result : outcome;
        });
      });
    } catch (err) {
      checkouts.inc({ outcome: outcomeOf(err) });
      if (isForeignKeyViolation(err)) throw unauthorized('This account no longer exists');
      if (isCheckViolation(err)) {
        // The CHECK (stock >= 0) guard fired: a conflict, never a 500.
        throw conflict('A product in the cart no longer has enough stock', 'out_of_stock');
      }
      if (isRetryableConflict(err)) throw serviceUnavailable('The store is busy; please retry the checkout', 1);
      throw err;
    }
    checkouts.inc({ outcome: result.replayed ? 'replayed' : result.status === 201 ? 'created' : 'empty_cart' });
    if (committed) await this.announce(userId, committed);
    return result;
  }

  /**
   * A deadlock or serialization failure rolled everything back (the idempotency claim too),
   * so running the whole transaction again is safe: once, then the caller gets a 503.
   */
  private async runOnceMore<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (!isRetryableConflict(err)) throw err;
      checkouts.inc({ outcome: 'deadlock_retried' });
      return fn();
    }
  }

  private async checkoutInTransaction(
    tx: EntityManager,
    userId: string,
    key: string,
    body: CheckoutRequest,
  ): Promise<CheckoutResult | (Committed & { result: CheckoutResult })> {
    const claim = await claimIdempotencyKey(tx, userId, key);
    // The cart's row lock: a checkout and a cart edit of one user take turns.
    await tx.findOne(
      CartRecord,
      { userId },
      { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true },
    );
    const lines = await readCartLines(tx, userId);
    const hash = fingerprint(body, lines);

    if (!claim.fresh) {
      // A repeat: same cart and body as the first time, or, after a success (which emptied
      // the cart), the same body on an empty cart: the first cart is the stored order's lines.
      // Anything else reuses the key for a different request.
      const sameRequest =
        hash === claim.requestHash ||
        (lines.length === 0 &&
          claim.result.status === 201 &&
          fingerprint(body, (claim.result.body as { order: Order }).order.items) === claim.requestHash);
      if (!sameRequest) throw unprocessable('This Idempotency-Key was already used for a different cart or body');
      return { ...claim.result, replayed: true };
    }

    if (lines.length === 0) {
      const answer = { status: 422, body: toProblem(unprocessable('The cart is empty')) };
      await storeIdempotentResult(tx, userId, key, hash, answer);
      return { ...answer, replayed: false };
    }

    const changes: StockChange[] = [];
    for (const line of lines) {
      const left = await this.deps.stock.decrement(tx, line.gpuId, line.quantity);
      if (left === null) throw await outOfStock(tx, line);
      changes.push({ ...left, reason: 'checkout' });
    }
    const priced = await currentPrices(tx, lines);
    if (body.expectedTotal !== undefined) {
      const totalCents = priced.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
      if (totalCents !== dollarsToCents(body.expectedTotal)) {
        throw conflict(`Prices changed: the total is now ${centsToDollars(totalCents).toFixed(2)}`);
      }
    }
    const order = await insertOrder(tx, userId, priced);
    // Emptying the cart is a cart change: bumped in the same statement, published as written
    // (raw SQL: delete the lines and bump the version in one atomic statement).
    const [emptied] = await tx.execute<{ version: string | number }[]>(
      `with cleared as (delete from cart_items where cart_id = (select id from carts where user_id = ?))
       update carts set version = version + 1, updated_at = now() where user_id = ? returning version`,
      [userId, userId],
    );
    const answer = { status: 201, body: { order } };
    await storeIdempotentResult(tx, userId, key, hash, answer);
    const cart = toCart([], Number(emptied!.version));
    return { order, changes, cart, result: { ...answer, replayed: false } };
  }

  private async announce(userId: string, { order, changes, cart }: Committed): Promise<void> {
    await this.deps.stock.publish(changes);
    await this.deps.bus.publish('cart.changed', { userId, cart });
    await this.deps.bus.publish('order.created', {
      orderId: order.id,
      userId,
      items: order.items,
      total: order.total,
      createdAt: order.createdAt,
    });
  }
}

/** What identifies a checkout request: its body and the cart it buys. */
function fingerprint(body: CheckoutRequest, lines: Pick<CartLine, 'gpuId' | 'quantity'>[]): string {
  return requestHash({ body, lines: lines.map((l) => [l.gpuId, l.quantity]) });
}

async function outOfStock(tx: EntityManager, line: CartLine): Promise<AppError> {
  const available = await availableStock(tx, line.gpuId);
  return conflict(
    available === 0
      ? `"${line.name}" is out of stock`
      : `Not enough stock for "${line.name}": ${line.quantity} in the cart, ${available} available`,
    'out_of_stock',
  );
}

function outcomeOf(err: unknown): string {
  if (err instanceof AppError) return err.code === 'out_of_stock' ? 'out_of_stock' : err.code;
  if (isCheckViolation(err)) return 'out_of_stock';
  if (isRetryableConflict(err)) return 'deadlock';
  return 'error';
}
