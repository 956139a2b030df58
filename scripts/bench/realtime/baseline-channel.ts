/** The Redis channel the bare baselines broadcast from (the realtime bench publishes the stock on it). */
export const BENCH_CHANNEL = 'bench:baseline-broadcast';
