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
  type FinishReason,
  type Gpu,
  type Language,
} from '@gpu/shared';
import { notFound } from '../../platform/errors.js';
import { gpuColumns, toGpu, type AssetUrl, type GpuRow } from '../catalog/gpu-row.js';

interface ConversationRow {
  id: string;
  title: string;
  created_at: Date | string;
  updated_at: Date | string;
}
interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  product_ids: string[] | null;
  finish_reason: FinishReason | null;
  comparison: ChatMessage['comparison'];
  actions: ChatMessage['actions'] | null;
  suggestions: string[] | null;
  tools: ChatMessage['tools'] | null;
  created_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const toSummary = (r: ConversationRow): ConversationSummary => ({
  id: r.id,
  title: r.title,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export class ConversationService {
  constructor(private readonly deps: { em: () => EntityManager; assetUrl: AssetUrl; pageSize?: number }) {}

  async list(userId: string): Promise<{ items: ConversationSummary[] }> {
    const rows = await this.deps.em().execute<ConversationRow[]>(
      `select id, title, created_at, updated_at from conversations where user_id = ?
       order by updated_at desc limit ?`,
      [userId, this.deps.pageSize ?? 100],
    );
    return { items: rows.map(toSummary) };
  }

  async get(userId: string, id: string, lang: Language = defaultLanguage): Promise<Conversation> {
    const em = this.deps.em();
    const [conv] = await em.execute<ConversationRow[]>(
      `select id, title, created_at, updated_at from conversations where id = ? and user_id = ?`,
      [id, userId],
    );
    if (!conv) throw notFound('Conversation');
    const rows = await em.execute<MessageRow[]>(
      `select id, role, content, product_ids, finish_reason, comparison, actions, suggestions, tools, created_at
       from messages where conversation_id = ? order by created_at, role desc`,
      [id],
    );
    const ids = [...new Set(rows.flatMap((m) => m.product_ids ?? []))];
    const products = new Map<string, Gpu>();
    if (ids.length) {
      const found = await em.execute<GpuRow[]>(
        `select ${gpuColumns} from gpus where id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      for (const r of found) products.set(r.id, toGpu(r, this.deps.assetUrl, lang));
    }
    const messages: ChatMessage[] = rows.map((m) => {
      const base: ChatMessage = {
        id: m.id,
        role: m.role,
        content: m.content,
        productIds: m.product_ids ?? [],
        createdAt: iso(m.created_at),
        finishReason: m.finish_reason,
      };
      if (m.role !== 'assistant') return base;
      return {
        ...base,
        products: base.productIds.flatMap((gid) => products.get(gid) ?? []),
        comparison: m.comparison ?? null,
        actions: m.actions ?? [],
        suggestions: m.suggestions ?? [],
        tools: m.tools ?? [],
      };
    });
    return { ...toSummary(conv), messages };
  }
}
