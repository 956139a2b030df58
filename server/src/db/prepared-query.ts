// Named (prepared) statements for hot statements (the catalog listing, a chat turn's writes). PostgreSQL parses and plans a named
// statement once per connection; later runs send only Bind/Execute, so a repeated catalog read
// skips the parse. The SQL keeps MikroORM's `?` placeholders (callers build it as they always
// did); it is turned into `$n` once per text. Inside a transaction the transaction's own
// connection must run the query, so that case goes through `em.execute` unchanged.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

interface PgConnection {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** Statement names by SQL text. Bounded: past it, new texts run unnamed (still correct). */
const statements = new Map<string, { name: string; text: string }>();
export const MAX_PREPARED_STATEMENTS = 500;

/** `?` placeholders outside string literals and identifiers become `$1..$n`. */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

function statement(sql: string): { name: string; text: string } {
  let s = statements.get(sql);
  if (!s) {
    s = {
      name: `q_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`,
      text: toNumberedPlaceholders(sql),
    };
    if (statements.size < MAX_PREPARED_STATEMENTS) statements.set(sql, s);
    else return { name: '', text: s.text };
  }
  return s;
}

/** Runs a statement as a named one on a pooled connection (one round trip after the first). */
export async function preparedQuery<R>(em: EntityManager, sql: string, params: unknown[]): Promise<R[]> {
  if (em.isInTransaction()) return em.execute<R[]>(sql, params);
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    const { name, text } = statement(sql);
    const result = await connection.query<R>({ name, text, values: params });
    return result.rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
