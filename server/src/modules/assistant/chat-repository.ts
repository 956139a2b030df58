// Conversations, messages and usage on the assistant's write path. Guests own conversations by
// guestId, users by userId; every lookup is scoped to the owner. Plain reads and inserts go
// through the ORM; the two statements of every turn are raw SQL, each atomic in one round trip
// and run as prepared statements (db/prepared-query.ts): the exchange (conversation created or
// its ownership checked and touched, question, empty answer) and the finished answer (message,
// state and usage row). A turn reads the conversation's state once and writes it back with
// the answer.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatActionEvent, ChatComparisonEvent, ChatToolEvent, FinishReason } from '@gpu/shared';
import { ConversationRecord, MessageRecord } from '../../db/entities/index.js';
import type { Actor } from '../auth/actor.js';
import type { HistoryTurn } from './prompt/build-prompt.js';
import { preparedQuery } from '../../db/prepared-query.js';
import { PRODUCT_COLUMNS, type ProductRow } from './retrieval/product-row.js';

export interface OwnedMessage {
  id: string;
  conversationId: string;
  finishReason: FinishReason | null;
  content: string;
  productIds: string[];
  meta: Record<string, unknown>;
  comparison: Omit<ChatComparisonEvent, 'messageId'> | null;
  actions: Omit<ChatActionEvent, 'messageId'>[];
  suggestions: string[];
  tools: Omit<ChatToolEvent, 'messageId'>[];
  createdAt: Date;
}

/** What an answer showed besides its text, kept for the history and for resumes. */
export interface AnswerExtras {
  comparison: Omit<ChatComparisonEvent, 'messageId'> | null;
  actions: Omit<ChatActionEvent, 'messageId'>[];
  suggestions: string[];
  tools: Omit<ChatToolEvent, 'messageId'>[];
}

/** A question and its (empty, unfinished) answer, stored. */
export interface Exchange {
  conversationId: string;
  questionId: string;
  answerId: string;
}

export interface UsageRecord {
  messageId: string;
  actor: Actor;
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number | null;
  durationMs: number;
  finishReason: FinishReason;
}

const ownerColumns = (a: Actor): [string, string] =>
  a.kind === 'user' ? ['user_id', a.userId] : ['guest_id', a.guestId];
const ownerWhere = (a: Actor): { userId: string } | { guestId: string } =>
  a.kind === 'user' ? { userId: a.userId } : { guestId: a.guestId };

export class ChatRepository {
  constructor(private readonly em: () => EntityManager) {}

  /** The conversation's id when the actor owns it, else null (others' ids look missing). */
  async ownedConversation(actor: Actor, conversationId: string): Promise<string | null> {
    const row = await this.em().findOne(
      ConversationRecord,
      { id: conversationId, ...ownerWhere(actor) },
      { fields: ['id'], disableIdentityMap: true },
    );
    return row?.id ?? null;
  }

  /**
   * Stores the question and an empty answer (filled in when it finishes) in one statement:
   * in a new conversation created for it (`title`), or in `conversationId` when the actor owns
   * it (its `updated_at` touched); null when the actor does not (others' ids look missing).
   */
  async openExchange(
    actor: Actor,
    question: string,
    target: { conversationId: string } | { title: string },
  ): Promise<Exchange | null> {
    const [owner, ownerId] = ownerColumns(actor);
    const conversation =
      'conversationId' in target
        ? {
            sql: `update conversations set updated_at = now() where id = ? and ${owner} = ? returning id`,
            params: [target.conversationId, ownerId],
          }
        : {
            sql: `insert into conversations (${owner}, title) values (?, ?) returning id`,
            params: [ownerId, target.title.slice(0, 200)],
          };
    // clock_timestamp(): the answer sorts after its question (now() is the statement's start).
    const rows = await preparedQuery<{
      conversation_id: string | null;
      question_id: string | null;
      answer_id: string | null;
    }>(
      this.em(),
      `with conversation as (${conversation.sql}), asked as (
         insert into messages (conversation_id, role, content) select id, 'user', ? from conversation returning id
       ), answer as (
         insert into messages (conversation_id, role, content, created_at)
         select id, 'assistant', '', clock_timestamp() from conversation returning id
       )
       select (select id from conversation) as conversation_id, (select id from asked) as question_id,
         (select id from answer) as answer_id`,
      [...conversation.params, question],
    );
    const row = rows[0];
    if (!row?.conversation_id || !row.question_id || !row.answer_id) return null;
    return { conversationId: row.conversation_id, questionId: row.question_id, answerId: row.answer_id };
  }

  /** The conversation's stored state (JSON as saved; the caller validates it). */
  async state(conversationId: string): Promise<unknown> {
    const row = await this.em().findOne(
      ConversationRecord,
      { id: conversationId },
      { fields: ['state'], disableIdentityMap: true },
    );
    return row?.state ?? null;
  }

  /** Earlier turns of the conversation, oldest first, without the current exchange or unfinished answers. */
  async history(conversationId: string, exclude: string[], limit: number): Promise<HistoryTurn[]> {
    const recent = await this.em().find(
      MessageRecord,
      {
        conversationId,
        id: { $nin: exclude },
        $or: [{ role: 'user' }, { finishReason: { $ne: null } }],
      },
      { fields: ['role', 'content'], orderBy: { createdAt: 'desc' }, limit, disableIdentityMap: true },
    );
    return recent.reverse().map((m) => ({ role: m.role, content: m.content }));
  }

  /** Raw SQL: the products in retrieval's row shape (ProductRow), as the retrieval statements return them. */
  async products(ids: string[]): Promise<ProductRow[]> {
    if (!ids.length) return [];
    const rows = await this.em().execute<ProductRow[]>(
      `select ${PRODUCT_COLUMNS} from gpus where id in (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is ProductRow => r !== undefined);
  }

  /**
   * Fills in the answer (text, products, extras), saves the conversation's new state when
   * given, and records the usage: one statement, so a turn is stored whole or not at all.
   */
  async finish(
    messageId: string,
    m: {
      content: string;
      productIds: string[];
      finishReason: FinishReason;
      meta: Record<string, unknown>;
      extras: AnswerExtras;
      state?: { conversationId: string; value: unknown };
    },
    u: UsageRecord,
  ): Promise<void> {
    const saveState = m.state
      ? `, saved as (update conversations set state = ?::jsonb, updated_at = now() where id = ?)`
      : '';
    await preparedQuery(
      this.em(),
      `with answered as (
         update messages set content = ?, product_ids = ?::uuid[], finish_reason = ?, meta = ?::jsonb,
           comparison = ?::jsonb, actions = ?::jsonb, suggestions = ?::jsonb, tools = ?::jsonb
         where id = ?
       )${saveState}
       insert into llm_usage (message_id, user_id, guest_id, provider, model, prompt_tokens, completion_tokens,
         time_to_first_token_ms, duration_ms, finish_reason)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        m.content,
        // Ids the tools returned (uuids from the database): an array literal needs no quoting.
        `{${m.productIds.join(',')}}`,
        m.finishReason,
        JSON.stringify(m.meta),
        m.extras.comparison ? JSON.stringify(m.extras.comparison) : null,
        JSON.stringify(m.extras.actions),
        JSON.stringify(m.extras.suggestions),
        JSON.stringify(m.extras.tools),
        messageId,
        ...(m.state ? [JSON.stringify(m.state.value), m.state.conversationId] : []),
        u.messageId,
        u.actor.kind === 'user' ? u.actor.userId : null,
        u.actor.kind === 'guest' ? u.actor.guestId : null,
        u.provider.slice(0, 40),
        u.model.slice(0, 120),
        u.promptTokens,
        u.completionTokens,
        u.timeToFirstTokenMs,
        u.durationMs,
        u.finishReason,
      ],
    );
  }

  /** Tokens (prompt + completion) the actor used since midnight UTC (raw SQL: a sum since the UTC day's start). */
  async tokensToday(actor: Actor): Promise<number> {
    const [col, id] = ownerColumns(actor);
    const rows = await this.em().execute<{ total: string | null }[]>(
      `select sum(prompt_tokens + completion_tokens)::text as total from llm_usage
       where ${col} = ? and created_at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc'`,
      [id],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** An assistant message in a conversation the actor owns, or null. */
  async ownedMessage(actor: Actor, messageId: string): Promise<OwnedMessage | null> {
    const m = await this.em().findOne(
      MessageRecord,
      { id: messageId, role: 'assistant' },
      { disableIdentityMap: true },
    );
    if (!m || !(await this.ownedConversation(actor, m.conversationId))) return null;
    return {
      id: m.id,
      conversationId: m.conversationId,
      finishReason: m.finishReason,
      content: m.content,
      productIds: m.productIds ?? [],
      meta: m.meta ?? {},
      comparison: (m.comparison as OwnedMessage['comparison']) ?? null,
      actions: (m.actions as OwnedMessage['actions']) ?? [],
      suggestions: m.suggestions ?? [],
      tools: (m.tools as OwnedMessage['tools']) ?? [],
      createdAt: m.createdAt,
    };
  }
}
