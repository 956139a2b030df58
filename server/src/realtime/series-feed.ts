// Live points for the dashboard's charts: the current bucket of every series, sent to this
// instance's admins as `series:point` when it changes. Orders move their series at once
// (order.created on the bus); the chat series are re-read every few seconds, and only while
// an admin is connected here. Each instance reads the shared database itself, so every admin
// sees the same values whichever instance holds its socket.
import { seriesBuckets, type SeriesPointEvent } from '@gpu/shared';
import type { EventBus } from '../platform/bus.js';
import type { Logger } from '../platform/logger.js';
import { liveSeries, type AdminSeriesService } from '../modules/admin-series/service.js';
import type { AggregateName } from '../modules/admin-series/queries.js';
import { rooms, type AdminNamespace } from './types.js';

export const SERIES_FEED_INTERVAL_MS = 5_000;
const ORDER_SERIES: AggregateName[] = ['orders', 'revenue'];
/** Orders come in bursts: one read for a burst. */
const ORDER_DEBOUNCE_MS = 250;

export interface SeriesFeedDeps {
  admin: AdminNamespace;
  bus: EventBus;
  series: AdminSeriesService;
  logger: Logger;
  intervalMs?: number;
}

export function startSeriesFeed(deps: SeriesFeedDeps): () => void {
  const sent = new Map<string, string>();
  let running: Promise<void> = Promise.resolve();
  let orderTimer: NodeJS.Timeout | undefined;

  const emitChanged = (events: SeriesPointEvent[]) => {
    for (const e of events) {
      const key = `${e.name}:${e.bucket}`;
      const value = `${e.point.t}=${e.point.v}`;
      if (sent.get(key) === value) continue;
      sent.set(key, value);
      deps.admin.local.to(rooms.admins).emit('series:point', e);
    }
  };
  // One read at a time: a slow database never piles reads up.
  const refresh = (names: AggregateName[]) => {
    running = running.then(async () => {
      if (deps.admin.sockets.size === 0) return sent.clear(); // a later admin starts from REST
      try {
        for (const bucket of seriesBuckets) emitChanged(await deps.series.latest(bucket, names));
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message }, 'series feed read failed');
      }
    });
  };

  const interval = setInterval(() => refresh(liveSeries), deps.intervalMs ?? SERIES_FEED_INTERVAL_MS);
  interval.unref();
  const off = deps.bus.subscribe('order.created', () => {
    clearTimeout(orderTimer);
    orderTimer = setTimeout(() => refresh(ORDER_SERIES), ORDER_DEBOUNCE_MS);
  });
  return () => {
    clearInterval(interval);
    clearTimeout(orderTimer);
    off();
  };
}
