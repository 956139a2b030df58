// What MikroORM's schema generator would change to make the database match the entities:
// empty when the migrations and the entities describe the same schema. The schema-diff test
// runs it on a freshly migrated database; a new migration can start from its output.
import type { Orm } from './orm.js';

export async function schemaDiff(orm: Orm): Promise<string[]> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
