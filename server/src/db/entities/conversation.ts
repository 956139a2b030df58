import { EntitySchema } from '@mikro-orm/core';
import type { FinishReason } from '@gpu/shared';

export class ConversationRecord {
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
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    userId: { type: 'uuid', nullable: true },
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
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    conversationId: { type: 'uuid' },
    role: { type: 'string', length: 16 },
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
