import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { FinishReason } from '@gpu/shared';
import { User } from './user.js';

export class ConversationRecord {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?: 'id' | 'userId' | 'guestId' | 'title' | 'state' | 'createdAt' | 'updatedAt';
  id!: string;
  userId!: string | null;
  guestId!: string | null;
  title!: string;
  /** Constraints in force, products shown, focus (modules/assistant/conversation/state.ts). */
  state!: Record<string, unknown>;
  createdAt!: Date;
  updatedAt!: Date;
}

export class MessageRecord {
  /** Filled by the database or the ORM when not given. */
  [OptionalProps]?:
    'id' | 'productIds' | 'finishReason' | 'meta' | 'comparison' | 'actions' | 'suggestions' | 'tools' | 'createdAt';
  id!: string;
  conversationId!: string;
  role!: 'user' | 'assistant';
  content!: string;
  productIds!: string[];
  finishReason!: FinishReason | null;
  /** Parsed constraints, retrieval and grounding details, for analytics. */
  meta!: Record<string, unknown>;
  comparison!: Record<string, unknown> | null;
  actions!: unknown[];
  suggestions!: string[];
  tools!: unknown[];
  createdAt!: Date;
}

export const ConversationSchema = new EntitySchema<ConversationRecord>({
  class: ConversationRecord,
  tableName: 'conversations',
  checks: [{ name: 'conversations_owner', expression: 'user_id is not null or guest_id is not null' }],
  indexes: [
    {
      name: 'conversations_user_idx',
      expression: 'create index "conversations_user_idx" on "conversations" ("user_id", "updated_at" desc)',
    },
    {
      name: 'conversations_guest_idx',
      expression: 'create index "conversations_guest_idx" on "conversations" ("guest_id", "updated_at" desc)',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    userId: {
      kind: 'm:1',
      entity: () => User,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'user_id',
      foreignKeyName: 'conversations_user_id_fkey',
      nullable: true,
      deleteRule: 'cascade',
    },
    guestId: { type: 'uuid', nullable: true },
    title: { type: 'string', length: 200, default: '' },
    state: { type: 'json', default: '{}' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const MessageSchema = new EntitySchema<MessageRecord>({
  class: MessageRecord,
  tableName: 'messages',
  indexes: [
    { name: 'messages_conversation_idx', properties: ['conversationId', 'createdAt'] },
    { name: 'messages_created_idx', properties: ['createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    conversationId: {
      kind: 'm:1',
      entity: () => ConversationRecord,
      mapToPk: true,
      updateRule: 'no action',
      fieldName: 'conversation_id',
      foreignKeyName: 'messages_conversation_id_fkey',
      deleteRule: 'cascade',
    },
    role: { enum: true, items: ['user', 'assistant'], columnType: 'varchar(16)' },
    content: { type: 'text' },
    productIds: { type: 'uuid[]', columnType: 'uuid[]', default: '{}' },
    finishReason: { type: 'string', length: 16, nullable: true },
    meta: { type: 'json', default: '{}' },
    comparison: { type: 'json', nullable: true },
    actions: { type: 'json', default: '[]' },
    suggestions: { type: 'json', default: '[]' },
    tools: { type: 'json', default: '[]' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
