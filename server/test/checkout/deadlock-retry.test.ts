// A checkout that loses a deadlock is retried once, whole, instead of answering 500: another
// writer (a raw SQL session here, as an admin bulk edit would) takes the product rows in the
// opposite order; PostgreSQL aborts the checkout's transaction, the retry buys the cart, and
// stock is decremented exactly once. Real PostgreSQL only (PGlite runs one transaction at a time).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/app.js';
import { api } from '../support/http.js';
import { baseDatabaseUrl } from '../support/services.js';
import { createUser } from '../support/users.js';
import { appExec, insertGpu, orderCountFor, stockOf, type Exec } from '../realtime/helpers/catalog.js';
import { eventually } from '../realtime/helpers/sockets.js';
import { registry } from '../../src/platform/metrics.js';

let app: TestApp;
let exec: Exec;

const retried = async () =>
  (await registry.getSingleMetric('checkout_total')!.get()).values.find((v) => v.labels.outcome === 'deadlock_retried')
    ?.value ?? 0;

describe.skipIf(!baseDatabaseUrl)('checkout and deadlocks', () => {
  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    exec = appExec(app);
  });
  afterAll(async () => app?.close());

  it('retries a checkout aborted by a deadlock once and answers 201, buying once', async () => {
    const user = await createUser(app);
    const [a, b] = [await insertGpu(exec, { stock: 5 }), await insertGpu(exec, { stock: 5 })].sort((x, y) =>
      x.id < y.id ? -1 : 1,
    );
    for (const g of [a!, b!]) {
      const added = await api(app.url, '/api/cart/items', { token: user.token, body: { gpuId: g.id, quantity: 1 } });
      expect(added.status).toBe(200);
    }
    const before = await retried();

    // The other writer holds the second product (checkout locks products in id order)...
    const other = new pg.Client({ connectionString: app.database.url });
    await other.connect();
    try {
      await other.query('begin');
      // ...and waits longer than the checkout before looking for a deadlock, so PostgreSQL
      // picks the checkout's transaction as the victim.
      await other.query(`set local deadlock_timeout = '10s'`);
      await other.query(`update gpus set updated_at = now() where id = $1`, [b!.id]);

      const checkout = api(app.url, '/api/cart/checkout', {
        token: user.token,
        body: {},
        headers: { 'idempotency-key': randomUUID() },
      });
      // Once the checkout holds the first product and waits for the second, take the first.
      await eventually(async () => {
        const { rows } = await other.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        );
        return rows[0].n > 0;
      });
      const crossing = other.query(`update gpus set updated_at = now() where id = $1`, [a!.id]);
      await crossing; // granted once the checkout's first attempt was aborted
      await other.query('commit');

      const res = await checkout;
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    } finally {
      await other.end();
    }
    expect(await stockOf(exec, a!.id)).toBe(4);
    expect(await stockOf(exec, b!.id)).toBe(4);
    expect(await orderCountFor(exec, a!.id)).toBe(1);
    expect(await retried()).toBe(before + 1);
  });
});
