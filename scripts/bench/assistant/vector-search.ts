// Part 1: pgvector retrieval at scale. Synthetic clustered 384-d unit vectors (the shape of
// sentence embeddings: topics with spread) with filter columns, in a scratch table; an HNSW
// cosine index like the product table's; then per size: build time and size, exact
// (sequential scan) vs HNSW latency, recall@10 against the exact answer, and a selective
// filter (~7% of rows) with and without iterative index scans.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { fmt, normal, rng, summarize } from './stats.js';

const DIM = 384;
const BRANDS = ['NVIDIA', 'AMD', 'Intel'];
const clusters = (n: number) => Math.max(20, Math.round(n / 1000));

export interface Sql {
  label: string;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function pgliteSql(): Promise<Sql> {
  const db = await PGlite.create({ extensions: { vector } });
  return {
    label: 'PGlite (in-process)',
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    close: () => db.close(),
  };
}

export async function postgresSql(url: string): Promise<Sql> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    label: 'PostgreSQL',
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    close: () => client.end(),
  };
}

/** Topic centres come from `centerSeed`; the spread around them from `noiseSeed`. */
function vectorFactory(centerSeed: number, noiseSeed: number, clusters: number) {
  const c0 = rng(centerSeed);
  const centers = Array.from({ length: clusters }, () => Array.from({ length: DIM }, () => normal(c0)));
  const rand = rng(noiseSeed);
  return () => {
    const c = centers[Math.floor(rand() * clusters)]!;
    const v = c.map((x) => x + normal(rand) * 0.6);
    const norm = Math.hypot(...v);
    return `[${v.map((x) => (x / norm).toFixed(4)).join(',')}]`;
  };
}

async function load(sql: Sql, n: number): Promise<void> {
  await sql.query(`create extension if not exists vector`);
  await sql.query(`drop table if exists bench_vectors`);
  await sql.query(
    `create table bench_vectors (id int primary key, brand text not null, price_cents int not null, embedding vector(${DIM}) not null)`,
  );
  const next = vectorFactory(42, 1, clusters(n));
  const rand = rng(7);
  const batch = 500;
  for (let start = 0; start < n; start += batch) {
    const ids: number[] = [];
    const brands: string[] = [];
    const prices: number[] = [];
    const vecs: string[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      ids.push(i);
      brands.push(BRANDS[Math.floor(rand() * 3)]!);
      prices.push(10_000 + Math.floor(rand() * 190_000));
      vecs.push(next());
    }
    await sql.query(
      `insert into bench_vectors select * from unnest($1::int[], $2::text[], $3::int[], $4::text[]::vector[])`,
      [ids, brands, prices, vecs],
    );
  }
  await sql.query(`analyze bench_vectors`);
}

interface Row {
  id: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const recall = (got: number[], truth: number[]) =>
  got.filter((id) => truth.includes(id)).length / Math.max(1, truth.length);

export interface VectorResult {
  [k: string]: string | number;
}

export async function benchVectorSearch(
  sql: Sql,
  n: number,
  opts: { exactQueries: number; hnswQueries: number },
): Promise<VectorResult> {
  await load(sql, n);
  await sql.query(`set maintenance_work_mem = '512MB'`).catch(() => undefined);
  const [, buildMs] = await timed(() =>
    sql.query(`create index bench_vectors_hnsw on bench_vectors using hnsw (embedding vector_cosine_ops)`),
  );
  const [{ size }] = (await sql.query<{ size: string }>(
    `select pg_relation_size('bench_vectors_hnsw')::text as size`,
  )) as [{ size: string }];
  // Fresh query points around the same topics (same centres, other noise).
  const queries = Array.from({ length: opts.hnswQueries }, vectorFactory(42, 2, clusters(n)));
  const priceCut = 10_000 + 0.2 * 190_000; // with brand = AMD: about 7% of rows
  const knn = `select id from bench_vectors order by embedding <=> $1::vector limit 10`;
  const filtered = `select id from bench_vectors where brand = 'AMD' and price_cents <= ${priceCut}
                    order by embedding <=> $1::vector limit 10`;

  // Exact answers: sequential scan (no index).
  await sql.query(`set enable_indexscan = off`);
  const exact: number[][] = [];
  const exactFiltered: number[][] = [];
  const seqMs: number[] = [];
  for (const q of queries.slice(0, opts.exactQueries)) {
    const [rows, ms] = await timed(() => sql.query<Row>(knn, [q]));
    exact.push(rows.map((r) => r.id));
    seqMs.push(ms);
    exactFiltered.push((await sql.query<Row>(filtered, [q])).map((r) => r.id));
  }
  await sql.query(`set enable_indexscan = on`);

  // HNSW, forced (a small table would otherwise be scanned), default ef_search = 40.
  await sql.query(`set enable_seqscan = off`);
  await sql.query(`set hnsw.ef_search = 40`);
  const hnswMs: number[] = [];
  const recalls: number[] = [];
  for (const [i, q] of queries.entries()) {
    const [rows, ms] = await timed(() => sql.query<Row>(knn, [q]));
    hnswMs.push(ms);
    if (i < exact.length)
      recalls.push(
        recall(
          rows.map((r) => r.id),
          exact[i]!,
        ),
      );
  }
  const filteredRun = async (mode: 'off' | 'relaxed_order') => {
    await sql.query(`set hnsw.iterative_scan = ${mode}`);
    const counts: number[] = [];
    const rec: number[] = [];
    const ms: number[] = [];
    for (const [i, q] of queries.slice(0, opts.exactQueries).entries()) {
      const [rows, t] = await timed(() => sql.query<Row>(filtered, [q]));
      ms.push(t);
      counts.push(rows.length);
      rec.push(
        recall(
          rows.map((r) => r.id),
          exactFiltered[i]!,
        ),
      );
    }
    return { rows: summarize(counts).mean, recall: summarize(rec).mean, p50: summarize(ms).p50 };
  };
  const plain = await filteredRun('off');
  const iterative = await filteredRun('relaxed_order');
  await sql.query(`set enable_seqscan = on`);
  await sql.query(`drop table bench_vectors`);

  const seq = summarize(seqMs);
  const hnsw = summarize(hnswMs);
  return {
    rows: n,
    'build s': fmt(buildMs / 1000, 1),
    'index MB': fmt(Number(size) / 1e6, 1),
    'seq p50 ms': fmt(seq.p50),
    'seq p99 ms': fmt(seq.p99),
    'hnsw p50 ms': fmt(hnsw.p50),
    'hnsw p99 ms': fmt(hnsw.p99),
    'seq/hnsw p50': `${fmt(seq.p50 / hnsw.p50, 1)}x`,
    'recall@10': fmt(summarize(recalls).mean, 3),
    '7% filter rows (plain)': fmt(plain.rows, 1),
    'recall (plain)': fmt(plain.recall, 3),
    'rows (iterative)': fmt(iterative.rows, 1),
    'recall (iterative)': fmt(iterative.recall, 3),
    'iterative p50 ms': fmt(iterative.p50),
  };
}
