// Live stock levels. Components watch the products they show (reference-counted); the
// server pushes stock:update, and every (re)connect re-watches and takes the ack's values,
// so a tab that was offline is consistent again. Pushes and acks carry the product's
// version: a value older than the one held is dropped (live-merge.ts), whatever order the
// instances delivered them in.
import { SvelteMap } from 'svelte/reactivity';
import { getSocket, onConnected } from '../socket.js';
import { mergeStock } from './live-merge.js';

export const stockLevels = new SvelteMap<string, number>();
// Bookkeeping, never rendered: a plain Map.
const versions = new Map<string, number>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const watchers = new Map<string, number>();
let started = false;

function start(): void {
  if (started) return;
  started = true;
  const s = getSocket();
  s.on('stock:update', (update) => {
    if (watchers.has(update.gpuId)) mergeStock(stockLevels, versions, update);
  });
  onConnected(() => {
    const ids = [...watchers.keys()];
    if (ids.length) void watchOnServer(ids);
  });
}

async function watchOnServer(ids: string[]): Promise<void> {
  const s = getSocket();
  if (!s.connected) return; // the next connect re-watches everything
  for (let i = 0; i < ids.length; i += 200) {
    try {
      const ack = await s.timeout(10_000).emitWithAck('stock:watch', { gpuIds: ids.slice(i, i + 200) });
      if (ack.ok) for (const level of ack.stocks) mergeStock(stockLevels, versions, level);
    } catch {
      /* timed out: the next reconnect re-watches */
    }
  }
}

/** Seeds a known value (e.g. from a REST answer) without overriding a live one. */
export function seedStock(gpuId: string, stock: number): void {
  if (!stockLevels.has(gpuId)) stockLevels.set(gpuId, stock);
}

/** Watches ids; returns a function that stops watching them. */
export function watchStock(ids: string[]): () => void {
  start();
  const fresh: string[] = [];
  for (const id of ids) {
    const n = watchers.get(id) ?? 0;
    watchers.set(id, n + 1);
    if (n === 0) fresh.push(id);
  }
  if (fresh.length) void watchOnServer(fresh);
  return () => {
    const gone: string[] = [];
    for (const id of ids) {
      const n = (watchers.get(id) ?? 1) - 1;
      if (n <= 0) {
        watchers.delete(id);
        gone.push(id);
      } else watchers.set(id, n);
    }
    const s = getSocket();
    if (gone.length && s.connected) s.emit('stock:unwatch', { gpuIds: gone });
  };
}
