import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import { MessageRecord } from './conversation.js';
import { User } from './user.js';

export class LlmUsage {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?:
    | 'id'
    | 'messageId'
    | 'userId'
    | 'guestId'
    | 'promptTokens'
    | 'completionTokens'
    | 'timeToFirstTokenMs'
    | 'durationMs'
    | 'finishReason'
    | 'createdAt';
  id!: string;
  messageId!: string | null;
  userId!: string | null;
  guestId!: string | null;
  provider!: string;
  model!: string;
  promptTokens!: number;
  completionTokens!: number;
  timeToFirstTokenMs!: number | null;
  durationMs!: number | null;
  finishReason!: string | null;
  createdAt!: Date;
}

export const LlmUsageSchema = new EntitySchema<LlmUsage>({
  class: LlmUsage,
  tableName: 'llm_usage',
  indexes: [
    { name: 'llm_usage_user_day_idx', properties: ['userId', 'createdAt'] },
    { name: 'llm_usage_guest_day_idx', properties: ['guestId', 'createdAt'] },
    { name: 'llm_usage_created_idx', properties: ['createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    messageId: {
      kind: 'm:1',
      entity: () => MessageRecord,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'message_id',
      foreignKeyName: 'llm_usage_message_id_fkey',
      nullable: true,
      deleteRule: 'set null',
    },
    userId: {
      kind: 'm:1',
      entity: () => User,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'user_id',
      foreignKeyName: 'llm_usage_user_id_fkey',
      nullable: true,
      deleteRule: 'set null',
    },
    guestId: { type: 'uuid', nullable: true },
    provider: { type: 'string', length: 40 },
    model: { type: 'string', length: 120 },
    promptTokens: { type: 'integer', default: 0 },
    completionTokens: { type: 'integer', default: 0 },
    timeToFirstTokenMs: { type: 'integer', nullable: true },
    durationMs: { type: 'integer', nullable: true },
    finishReason: { type: 'string', length: 16, nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
