// A scripted shopper for drills: one reconnecting Socket.IO connection that asks the assistant
// and follows each answer to its end (re-sending `chat:resume` with the last seq it holds
// after every reconnect), and REST checkouts retried on connection errors and 503s with the
// SAME Idempotency-Key. It records what happened; the suite asserts on the records.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  ChatDoneEvent,
  ChatTokenEvent,
  ClientToServerEvents,
  Conversation,
  ConversationSummary,
  ServerToClientEvents,
} from '@gpu/shared';
import { TokenService } from '../../src/modules/auth/tokens.js';
import type { Exec } from '../realtime/helpers/catalog.js';
import { api, type ApiResponse } from './http.js';

export interface DrillUser {
  id: string;
  token: string;
}

/** Accounts made directly in the database, with tokens signed by the servers' JWT_SECRET. */
export async function createDrillUsers(
  exec: Exec,
  n: number,
  jwtSecret: string,
  role: 'shopper' | 'admin' = 'shopper',
): Promise<DrillUser[]> {
  const tokens = new TokenService({ secret: jwtSecret, accessTtlS: 3600 });
  const users: DrillUser[] = [];
  for (let i = 0; i < n; i++) {
    const rows = await exec<{ id: string }>(
      `insert into users (email, password_hash, name, role) values (?, 'x', 'Drill user', ?) returning id`,
      [`drill-${randomUUID().slice(0, 12)}@test.local`, role],
    );
    const id = rows[0]!.id;
    users.push({ id, token: await tokens.signAccess({ id, role }) });
  }
  return users;
}

export interface ChatRecord {
  question: string;
  messageId?: string;
  conversationId?: string;
  tokens: Map<number, string>;
  duplicates: number;
  resumes: number;
  done?: ChatDoneEvent;
  error?: string;
}

export interface CheckoutRecord {
  key: string;
  status: number;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Highest seq such that 0..seq were all received (-1 when none). */
export function contiguousSeq(tokens: Map<number, string>): number {
  let seq = -1;
  while (tokens.has(seq + 1)) seq++;
  return seq;
}

export class DrillShopper {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly chats: ChatRecord[] = [];
  readonly checkouts: CheckoutRecord[] = [];
  connects = 0;
  disconnects = 0;
  private active: (ChatRecord & { finished: () => void }) | undefined;

  constructor(
    readonly base: string,
    readonly user: DrillUser,
  ) {
    this.socket = io(base, {
      auth: { token: user.token },
      transports: ['websocket'],
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      timeout: 5_000,
      forceNew: true,
    });
    this.socket.on('connect', () => {
      this.connects++;
      if (this.connects > 1) this.resumeActive();
    });
    this.socket.on('disconnect', () => this.disconnects++);
    this.socket.on('chat:token', (e) => this.onToken(e));
    this.socket.on('chat:error', (e) => {
      const chat = this.active;
      if (!chat || !e.messageId || e.messageId !== chat.messageId) return;
      chat.error = `${e.code}: ${e.message}`;
      chat.finished();
    });
    this.socket.on('chat:done', (e) => {
      const chat = this.active;
      if (!chat || e.messageId !== chat.messageId) return;
      chat.done = e;
      chat.finished();
    });
  }

  /** True while an answer is being received and at least one token has arrived. */
  get streaming(): boolean {
    return Boolean(this.active && !this.active.done && this.active.tokens.size > 0);
  }

  async connected(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.socket.connected) {
      if (Date.now() > deadline) throw new Error('socket did not (re)connect');
      await sleep(50);
    }
  }

  /** Asks and waits for `chat:done`, however many reconnects it takes. */
  async chat(question: string, timeoutMs = 60_000): Promise<ChatRecord> {
    let finished!: () => void;
    const ended = new Promise<void>((r) => (finished = r));
    const chat: ChatRecord & { finished: () => void } = {
      question,
      tokens: new Map<number, string>(),
      duplicates: 0,
      resumes: 0,
      finished,
    };
    this.chats.push(chat);
    this.active = chat;
    try {
      await this.connected();
      const ack = await this.socket
        .timeout(5_000)
        .emitWithAck('chat:send', { message: question })
        .catch(() => null);
      if (ack && !ack.ok) throw new Error(`chat:send refused: ${ack.error.code} ${ack.error.message}`);
      if (ack) Object.assign(chat, { messageId: ack.messageId, conversationId: ack.conversationId });
      // The ack was lost with a closing connection: find the answer the server did start.
      else await this.recoverSend(chat);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        ended,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('answer did not finish')), timeoutMs))),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      chat.error = (err as Error).message;
    } finally {
      this.active = undefined;
    }
    return chat;
  }

  /** Adds one unit to the cart, then checks out; both retried through outages. */
  async checkout(gpuId: string): Promise<CheckoutRecord> {
    await this.retry(() => api(this.base, '/api/cart/items', { token: this.user.token, body: { gpuId, quantity: 1 } }));
    const key = randomUUID();
    let attempts = 0;
    const res = await this.retry(() => {
      attempts++;
      return api(this.base, '/api/cart/checkout', {
        token: this.user.token,
        body: {},
        headers: { 'idempotency-key': key },
      });
    });
    const record = { key, status: res.status, attempts };
    this.checkouts.push(record);
    return record;
  }

  close(): void {
    this.socket.close();
  }

  private onToken(e: ChatTokenEvent): void {
    const chat = this.active;
    if (!chat || e.messageId !== chat.messageId) return;
    if (chat.tokens.has(e.seq)) chat.duplicates++;
    else chat.tokens.set(e.seq, e.text);
  }

  private resumeActive(): void {
    const chat = this.active;
    if (!chat?.messageId || chat.done) return;
    chat.resumes++;
    this.socket.emit('chat:resume', { messageId: chat.messageId, afterSeq: contiguousSeq(chat.tokens) });
  }

  private async recoverSend(chat: ChatRecord): Promise<void> {
    await this.connected();
    const title = chat.question.slice(0, 80);
    for (let i = 0; i < 50 && !chat.messageId; i++) {
      const list = await this.retry(() =>
        api<{ items: ConversationSummary[] }>(this.base, '/api/conversations', { token: this.user.token }),
      );
      const conv = list.body.items.find((c) => c.title === title);
      if (conv) {
        const full = await this.retry(() =>
          api<Conversation>(this.base, `/api/conversations/${conv.id}`, { token: this.user.token }),
        );
        const answer = full.body.messages.find((m) => m.role === 'assistant');
        if (answer) Object.assign(chat, { messageId: answer.id, conversationId: conv.id });
      }
      if (!chat.messageId) await sleep(200);
    }
    if (!chat.messageId) throw new Error('chat:send ack lost and no answer was started');
    this.resumeActive();
  }

  /** Retries on connection errors and 502/503 (an instance going away), up to ~30 s. */
  private async retry<T>(call: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
    for (let i = 0; ; i++) {
      try {
        const res = await call();
        if ((res.status !== 503 && res.status !== 502) || i >= 100) return res;
      } catch (err) {
        if (i >= 100) throw err;
      }
      await sleep(300);
    }
  }
}
