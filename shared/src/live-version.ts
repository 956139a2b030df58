// Live state ordering (stock:update, cart:update, REST cart answers): every value carries
// the version the database gave it. A holder keeps the highest it has seen; anything not
// newer is stale, whatever order it arrived in.

/** True when `incoming` should replace what is held (nothing held yet counts as older). */
export function isNewerVersion(held: number | undefined, incoming: number | undefined): boolean {
  if (typeof incoming !== 'number') return held === undefined;
  return held === undefined || incoming > held;
}

/** Folds arrivals into the state a holder shows: the value with the highest version wins. */
export function newestOf<T extends { version?: number }>(values: Iterable<T>): T | undefined {
  let best: T | undefined;
  for (const v of values) if (best === undefined || isNewerVersion(best.version, v.version)) best = v;
  return best;
}
