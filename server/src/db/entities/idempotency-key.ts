import { EntitySchema } from '@mikro-orm/core';

/** The first result of a keyed request, replayed for repeats of the same key by the same user. */
export class IdempotencyKey {
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
    userId: { type: 'uuid', primary: true },
    key: { type: 'string', length: 128, primary: true },
    requestHash: { type: 'string', length: 64 },
    statusCode: { type: 'integer', nullable: true },
    responseBody: { type: 'json', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
