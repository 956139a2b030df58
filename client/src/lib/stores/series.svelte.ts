// The dashboard's time series: loaded over REST for the chosen range, then kept moving by
// `series:point` from /admin (the open bucket of each series) and, for the stock chart, by
// the live stock level of the chosen product.
import type { Series, SeriesName, SeriesPoint, SeriesPointEvent, SeriesRange } from '@gpu/shared';
import { api } from '../api.js';
import { errorText } from '../http/error-text.js';
import { bucketStartIso } from '../series-buckets.js';

export const chartSeries = ['orders', 'revenue', 'chats', 'answers', 'ttft_p50', 'ttft_p95', 'stockout_asks'] as const;
export type ChartSeriesName = (typeof chartSeries)[number];

class SeriesState {
  range = $state<SeriesRange>('24h');
  byName = $state<Partial<Record<ChartSeriesName, Series>>>({});
  stock = $state<Series | null>(null);
  error = $state<string | null>(null);
}
export const series = new SeriesState();

let generation = 0;

/** (Re)loads every chart for `range`; a newer call wins over a slower older one. */
export async function loadSeries(range: SeriesRange): Promise<void> {
  const mine = ++generation;
  series.range = range;
  try {
    const loaded = await Promise.all(
      chartSeries.map((name) => api<Series>('/api/admin/series', { query: { name, range } })),
    );
    if (mine !== generation) return;
    series.byName = Object.fromEntries(loaded.map((s) => [s.name, s]));
    series.error = null;
  } catch (err) {
    if (mine === generation) series.error = errorText(err);
  }
}

export async function loadStockSeries(gpuId: string, range: SeriesRange): Promise<void> {
  try {
    const s = await api<Series>('/api/admin/series', { query: { name: 'stock', range, gpuId } });
    if (series.range === range) series.stock = s;
  } catch (err) {
    series.error = errorText(err);
  }
}

/** Replaces the point with the same time, or appends it (dropping the oldest: the window moves). */
function upsertPoint(points: SeriesPoint[], point: SeriesPoint): SeriesPoint[] {
  const i = points.findIndex((p) => p.t === point.t);
  if (i >= 0) return points.map((p, j) => (j === i ? point : p));
  if (points.length && point.t < points.at(-1)!.t) return points; // late and already scrolled out
  return [...points.slice(1), point];
}

export function applySeriesPoint(e: SeriesPointEvent): void {
  const s = series.byName[e.name as ChartSeriesName];
  if (!s || s.bucket !== e.bucket) return;
  series.byName[e.name as ChartSeriesName] = { ...s, points: upsertPoint(s.points, e.point) };
}

/** The chosen product's level changed (stock:update): it is the open bucket's value. */
export function applyStockLevel(gpuId: string, stock: number, nowMs = Date.now()): void {
  const s = series.stock;
  if (!s || s.gpuId !== gpuId || s.points.length === 0) return;
  const t = bucketStartIso(nowMs, s.bucket);
  if (s.points.some((p) => p.t === t && p.v === stock)) return;
  series.stock = { ...s, points: upsertPoint(s.points, { t, v: stock }) };
}

export type { SeriesName };
