import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import { User } from './user.js';

/** The first result of a keyed request, replayed for repeats of the same key by the same user. */
export class IdempotencyKey {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'statusCode' | 'responseBody' | 'createdAt';
  userId!: string;
  key!: string;
  requestHash!: string;
  statusCode!: number | null;
  responseBody!: unknown;
  createdAt!: Date;
}

export const IdempotencyKeySchema = new EntitySchema<IdempotencyKey>({
  class: IdempotencyKey,
  tableName: 'idempotency_keys',
  properties: {
    userId: {
      kind: 'm:1',
      entity: () => User,
      mapToPk: true,
      updateRule: 'no action',
      primary: true,
      fieldName: 'user_id',
      foreignKeyName: 'idempotency_keys_user_id_fkey',
      deleteRule: 'cascade',
    },
    key: { type: 'string', length: 128, primary: true },
    requestHash: { type: 'string', columnType: 'char(64)' },
    statusCode: { type: 'integer', nullable: true },
    responseBody: { type: 'json', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
