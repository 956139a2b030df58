// Chat history for signed-in users: their conversations, newest first, and one
// conversation with its messages: each answer with the products it showed (as they are
// now), its comparison, cart actions, suggestions and steps. Another user's conversation is a
// 404, never a 403.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  defaultLanguage,
  type ChatMessage,
  type Conversation,
  type ConversationSummary,
  type Gpu,
  type Language,
} from '@gpu/shared';
import type { ConversationRecord } from '../../db/entities/index.js';
import { notFound } from '../../platform/errors.js';
import { gpuFromRecord, type AssetUrl } from '../catalog/gpu-row.js';
import { findOwnConversation, findProducts, listConversations, listMessages } from './conversation-repository.js';

const toSummary = (r: Pick<ConversationRecord, 'id' | 'title' | 'createdAt' | 'updatedAt'>): ConversationSummary => ({
  id: r.id,
  title: r.title,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export class ConversationService {
  constructor(private readonly deps: { em: () => EntityManager; assetUrl: AssetUrl; pageSize?: number }) {}

  async list(userId: string): Promise<{ items: ConversationSummary[] }> {
    const rows = await listConversations(this.deps.em(), userId, this.deps.pageSize ?? 100);
    return { items: rows.map(toSummary) };
  }

  async get(userId: string, id: string, lang: Language = defaultLanguage): Promise<Conversation> {
    const em = this.deps.em();
    const conv = await findOwnConversation(em, userId, id);
    if (!conv) throw notFound('Conversation');
    const rows = await listMessages(em, id);
    const ids = [...new Set(rows.flatMap((m) => m.productIds ?? []))];
    const products = new Map<string, Gpu>();
    for (const r of await findProducts(em, ids)) products.set(r.id, gpuFromRecord(r, this.deps.assetUrl, lang));
    const messages: ChatMessage[] = rows.map((m) => {
      const base: ChatMessage = {
        id: m.id,
        role: m.role,
        content: m.content,
        productIds: m.productIds ?? [],
        createdAt: m.createdAt.toISOString(),
        finishReason: m.finishReason,
      };
      if (m.role !== 'assistant') return base;
      return {
        ...base,
        products: base.productIds.flatMap((gid) => products.get(gid) ?? []),
        comparison: (m.comparison as ChatMessage['comparison']) ?? null,
        actions: (m.actions as ChatMessage['actions']) ?? [],
        suggestions: m.suggestions ?? [],
        tools: (m.tools as ChatMessage['tools']) ?? [],
      };
    });
    return { ...toSummary(conv), messages };
  }
}
