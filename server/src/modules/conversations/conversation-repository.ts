// Chat history reads through the ORM: a user's conversations and one conversation's messages.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConversationRecord, GpuRecord, MessageRecord } from '../../db/entities/index.js';
import { GPU_FIELDS } from '../catalog/gpu-row.js';

const SUMMARY_FIELDS = ['id', 'title', 'createdAt', 'updatedAt'] as const;

export const listConversations = (em: EntityManager, userId: string, limit: number) =>
  em.find(
    ConversationRecord,
    { userId },
    { fields: SUMMARY_FIELDS, orderBy: { updatedAt: 'desc' }, limit, disableIdentityMap: true },
  );

/** The conversation when `userId` owns it. */
export const findOwnConversation = (em: EntityManager, userId: string, id: string) =>
  em.findOne(ConversationRecord, { id, userId }, { fields: SUMMARY_FIELDS, disableIdentityMap: true });

/** Messages in order; a user turn sorts before the answer written in the same instant. */
export const listMessages = (em: EntityManager, conversationId: string) =>
  em.find(
    MessageRecord,
    { conversationId },
    {
      fields: [
        'id',
        'role',
        'content',
        'productIds',
        'finishReason',
        'comparison',
        'actions',
        'suggestions',
        'tools',
        'createdAt',
      ],
      orderBy: { createdAt: 'asc', role: 'desc' },
      disableIdentityMap: true,
    },
  );

export const findProducts = (em: EntityManager, ids: string[]) =>
  ids.length
    ? em.find(GpuRecord, { id: { $in: ids } }, { fields: GPU_FIELDS, disableIdentityMap: true })
    : Promise.resolve([]);
