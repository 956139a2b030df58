// pgvector's `vector(n)` column as a MikroORM type, on the pgvector package's own text format
// (toSql / fromSql). Retrieval compares vectors in SQL; this is how they are written and read.
import { Type } from '@mikro-orm/core';
import { fromSql, toSql } from 'pgvector';

/**
 * A vector as a `?::vector` parameter, in pgvector's text format (floats printed in full, so
 * the stored float4 values are the embedder's own). A non-finite component is a broken
 * model, never silently stored.
 */
export function toVectorLiteral(v: Float32Array | readonly number[]): string {
  const values = Array.from(v);
  if (!values.every(Number.isFinite)) throw new Error('vector has a non-finite component');
  return toSql(values) as string;
}

export class Vector extends Type<number[] | null, string | null> {
  override convertToDatabaseValue(value: number[] | null | undefined): string | null {
    return value == null ? null : toVectorLiteral(value);
  }

  override convertToJSValue(value: string | null | undefined): number[] | null {
    return value == null ? null : (fromSql(value) as number[]);
  }

  override getColumnType(): string {
    return 'vector';
  }
}
