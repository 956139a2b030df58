// Each product's JSON (the `Gpu` shape, in one language) as bytes, kept per row version, so a
// listing that misses the response cache still reads the page from the database but serializes
// only the rows that changed since they were last serialized. The version is PostgreSQL's
// `xmin` (the transaction that wrote the row's current tuple): every UPDATE, by any code path
// (an admin edit, a checkout's stock decrement, a migration), gives the row a new one, so an
// entry can never outlive the row it was made from. It is only read from committed rows
// outside a write transaction, where one xmin names one tuple.
export class ProductJsonCache {
  private readonly entries = new Map<string, { stamp: string; json: Buffer }>();

  constructor(private readonly maxEntries = 20_000) {}

  /** The bytes made from this exact row version, if kept. */
  get(lang: string, id: string, stamp: string): Buffer | undefined {
    const hit = this.entries.get(`${lang}:${id}`);
    return hit && hit.stamp === stamp ? hit.json : undefined;
  }

  set(lang: string, id: string, stamp: string, json: Buffer): void {
    // Bounded: a catalog larger than the bound re-serializes some rows, never grows memory.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(`${lang}:${id}`, { stamp, json });
  }

  get size(): number {
    return this.entries.size;
  }
}
