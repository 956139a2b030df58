// The admin dashboard's live feed (Socket.IO namespace /admin): the inventory snapshot,
// stock changes (rows remember when they changed, for highlighting), new orders and stats.
import { io, type Socket } from 'socket.io-client';
import type {
  AdminClientToServerEvents,
  AdminServerToClientEvents,
  InventoryItem,
  OrderCreatedEvent,
  StatsEvent,
} from '@gpu/shared';
import { accessToken, freshAccessToken, onSessionChange, refreshSession } from './session.svelte.js';
import { mergeInventoryStock, type InventoryEntry } from './live-merge.js';
import type { ConnectionState } from './connection.svelte.js';
import { applySeriesPoint } from './series.svelte.js';

export interface InventoryRow extends InventoryEntry {
  /** Epoch ms of the last live change, for the highlight. */
  changedAt: number;
}

class AdminFeed {
  rows = $state<InventoryRow[]>([]);
  orders = $state<(OrderCreatedEvent & { receivedAt: number })[]>([]);
  stats = $state<StatsEvent | null>(null);
  state = $state<ConnectionState>('connecting');
  unauthorized = $state(false);
  low = $derived(this.rows.filter((r) => r.isActive && r.stock > 0 && r.stock <= 3));
  out = $derived(this.rows.filter((r) => r.isActive && r.stock <= 0));
}
export const admin = new AdminFeed();

export const LOW_STOCK = 3;
let socket: Socket<AdminServerToClientEvents, AdminClientToServerEvents> | null = null;

function applySnapshot(items: InventoryItem[]): void {
  const before = new Map(admin.rows.map((r) => [r.gpuId, r]));
  const now = Date.now();
  admin.rows = items.map((i) => {
    const prev = before.get(i.gpuId);
    // A push newer than the snapshot (another instance was faster) keeps its stock.
    if (prev?.version !== undefined && prev.version > i.version)
      return { ...i, stock: prev.stock, version: prev.version, changedAt: prev.changedAt };
    const changed =
      prev !== undefined && (prev.stock !== i.stock || prev.price !== i.price || prev.isActive !== i.isActive);
    return { ...i, changedAt: changed ? now : (prev?.changedAt ?? 0) };
  });
}

/**
 * Merges a product change made through REST (create, edit, delete) into the table. REST
 * answers carry no stock version: the row keeps the one it has, and a later push still wins.
 */
export function upsertRow(item: InventoryEntry): void {
  const row = admin.rows.find((r) => r.gpuId === item.gpuId);
  if (row) Object.assign(row, { ...item, version: row.version }, { changedAt: Date.now() });
  else admin.rows.push({ ...item, changedAt: Date.now() });
}

export function connectAdmin(): () => void {
  const s: Socket<AdminServerToClientEvents, AdminClientToServerEvents> = io('/admin', {
    transports: ['websocket', 'polling'],
    auth: (cb) => {
      freshAccessToken().then(
        (token) => cb({ token: token ?? '' }),
        () => cb({ token: '' }),
      );
    },
  });
  socket = s;
  admin.state = 'connecting';
  s.on('connect', () => {
    admin.state = 'connected';
    admin.unauthorized = false;
  });
  s.on('disconnect', (reason) => {
    admin.state = 'reconnecting';
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 500);
  });
  s.on('connect_error', (err) => {
    admin.state = 'reconnecting';
    if (err.message !== 'unauthorized' && err.message !== 'forbidden') return;
    void refreshSession().then((ok) => {
      if (ok) s.connect();
      else admin.unauthorized = true;
    });
  });
  s.on('session:closing', ({ reason }) => {
    if (reason === 'token_expired') void refreshSession();
  });
  // A refreshed token goes to the live socket; without it the server closes it at the old expiry.
  const offRefresh = onSessionChange((change) => {
    const token = change === 'refresh' && s.connected ? accessToken() : null;
    if (!token) return;
    s.timeout(10_000)
      .emitWithAck('auth:refresh', { token })
      .then((ack) => {
        if (!ack.ok) s.disconnect().connect();
      })
      .catch(() => s.disconnect().connect());
  });
  s.on('inventory:snapshot', (e) => applySnapshot(e.items));
  s.on('stock:update', (update) => {
    const row = admin.rows.find((r) => r.gpuId === update.gpuId);
    const before = row?.stock;
    if (mergeInventoryStock(row, update) && row && before !== row.stock) row.changedAt = Date.now();
  });
  s.on('order:created', (e) => {
    admin.orders = [{ ...e, receivedAt: Date.now() }, ...admin.orders].slice(0, 50);
  });
  s.on('stats', (e) => (admin.stats = e));
  s.on('series:point', applySeriesPoint);
  return () => {
    offRefresh();
    s.disconnect();
    if (socket === s) socket = null;
  };
}
