// Money: integer cents in the database (a `bigint` column), dollars in the domain and the API.
// node-postgres returns bigint as a string; this type is the one place that turns it into a
// number, so no caller writes `Number(price_cents) / 100`. Values stay far below 2^53 cents.
import { Type, type Platform, type EntityProperty } from '@mikro-orm/core';

/** Dollars (at most 2 decimals, validated upstream) to integer cents, immune to float error (19.99 * 100). */
export const dollarsToCents = (dollars: number): number => Math.round(dollars * 100);
/** Integer cents (a number or node-postgres' bigint string) to dollars. */
export const centsToDollars = (cents: number | string | bigint): number => Math.round(Number(cents)) / 100;

export class Money extends Type<number, string> {
  override convertToDatabaseValue(value: number | null | undefined): string {
    if (value == null) return value as unknown as string;
    if (!Number.isFinite(value)) throw new TypeError(`not an amount of money: ${value}`);
    return String(dollarsToCents(value));
  }

  override convertToJSValue(value: string | number | null | undefined): number {
    return value == null ? (value as unknown as number) : centsToDollars(value);
  }

  override compareAsType(): string {
    return 'number';
  }

  override getColumnType(_prop?: EntityProperty, _platform?: Platform): string {
    return 'bigint';
  }
}
