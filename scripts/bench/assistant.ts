// Assistant benchmark (issue: grounded answers, streamed, resumable):
//   1. vector   retrieval latency p50/p99 and recall@10 vs exact search on synthetic
//               clustered 384-d vectors: HNSW vs sequential scan, plus a selective filter
//               with and without iterative index scans
//   2. overhead server time from chat:send to chat:products and to the first token, with a
//               fake upstream that answers at once
//   3. load     N concurrent chats streaming through one instance: tokens/s delivered and
//               the server's event-loop delay
//   4. turn     offline turns with tools (no GROQ_API_KEY): chat:send -> first chat:tool and
//               -> chat:done, over five-turn conversations
//
//   npx tsx --conditions=source scripts/bench/assistant.ts [--part all|vector|chat|overhead|load|turn]
//       [--sizes 1000,10000,100000] [--chats 200] [--tokens 100] [--gap-ms 10]
//
// DATABASE_URL set: PostgreSQL (a scratch database is created and dropped; recommended for
// 100k); unset: PGlite in-process for part 1 (default sizes 1k and 10k) and an embedded
// server for parts 2-3. REDIS_URL set: the server uses Redis (adapter, token streams, locks).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchConcurrency, benchOverhead, startChatServer } from './assistant/chat-load.js';
import { benchOfflineTurns, CONVERSATION, startOfflineServer } from './assistant/offline-turn.js';
import { printTable } from './assistant/stats.js';
import { benchVectorSearch, pgliteSql, postgresSql } from './assistant/vector-search.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;
const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    sizes: { type: 'string', default: databaseUrl ? '1000,10000,100000' : '1000,10000' },
    chats: { type: 'string', default: '200' },
    tokens: { type: 'string', default: '100' },
    'gap-ms': { type: 'string', default: '10' },
    'overhead-chats': { type: 'string', default: '200' },
    conversations: { type: 'string', default: '40' },
  },
});
const part = args.part!;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A scratch database on DATABASE_URL's server (dropped at the end), or a PGlite directory. */
async function scratchDatabase(): Promise<{ url?: string; env: Record<string, string>; drop(): Promise<void> }> {
  if (!databaseUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-assistant-'));
    return { env: { PGLITE_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `bench_assistant_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    env: { DATABASE_URL: url.toString() },
    drop: () => withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function vectorPart(): Promise<void> {
  const db = await scratchDatabase();
  const sql = db.url ? await postgresSql(db.url) : await pgliteSql();
  const rows = [];
  try {
    for (const n of args.sizes!.split(',').map(Number)) {
      const t = performance.now();
      rows.push(await benchVectorSearch(sql, n, { exactQueries: n >= 100_000 ? 50 : 100, hnswQueries: 300 }));
      console.log(`  ${n} rows done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
  } finally {
    await sql.close();
    await db.drop();
  }
  printTable(
    `1. Vector retrieval on ${sql.label} (384-d, clustered, HNSW m=16 ef_construction=64, ef_search=40)`,
    rows,
  );
}

async function chatParts(): Promise<void> {
  const db = await scratchDatabase();
  const cs = await startChatServer({ ...db.env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
  const where = `${databaseUrl ? 'PostgreSQL' : 'PGlite'}${redisUrl ? ' + Redis' : ', no Redis'}`;
  try {
    if (['all', 'chat', 'overhead'].includes(part)) {
      printTable(
        `2. Server overhead, sequential chats, upstream answers at once (${where})`,
        await benchOverhead(cs, Number(args['overhead-chats'])),
      );
    }
    if (['all', 'chat', 'load'].includes(part)) {
      const row = await benchConcurrency(cs, Number(args.chats), Number(args.tokens), Number(args['gap-ms']));
      printTable(`3. Concurrent chats through one instance (${where})`, [row]);
      const p99 = Number(row['loop delay p99 ms']);
      console.log(
        `goal: event-loop delay p99 < 50 ms with ${args.chats} streams: ${p99} ms, ${p99 < 50 ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await cs.close();
    await db.drop();
  }
}

async function turnPart(): Promise<void> {
  const db = await scratchDatabase();
  const server = await startOfflineServer({ ...db.env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
  const where = `${databaseUrl ? 'PostgreSQL' : 'PGlite'}${redisUrl ? ' + Redis' : ', no Redis'}`;
  try {
    const n = Number(args.conversations);
    printTable(
      `4. Offline turns with tools, ${n} conversations of ${CONVERSATION.length} turns (${where})`,
      await benchOfflineTurns(server.url, n),
    );
  } finally {
    await server.stop();
    await db.drop();
  }
}

if (part === 'all' || part === 'vector') await vectorPart();
if (['all', 'chat', 'overhead', 'load'].includes(part)) await chatParts();
if (part === 'all' || part === 'turn') await turnPart();
