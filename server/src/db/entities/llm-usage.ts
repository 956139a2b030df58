import { EntitySchema } from '@mikro-orm/core';

export class LlmUsage {
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
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    messageId: { type: 'uuid', nullable: true },
    userId: { type: 'uuid', nullable: true },
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
