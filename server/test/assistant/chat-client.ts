// Socket.IO chat helpers for the assistant suites: connect as a guest or user, send and
// collect one answer's events in arrival order, stop, resume.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  ChatActionEvent,
  ChatComparisonEvent,
  ChatDoneEvent,
  ChatErrorEvent,
  ChatProductsEvent,
  ChatSendAck,
  ChatSuggestionsEvent,
  ChatTokenEvent,
  ChatToolEvent,
  ClientToServerEvents,
  ServerToClientEvents,
  SimpleAck,
} from '@gpu/shared';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Received =
  | { kind: 'tool'; e: ChatToolEvent }
  | { kind: 'comparison'; e: ChatComparisonEvent }
  | { kind: 'action'; e: ChatActionEvent }
  | { kind: 'suggestions'; e: ChatSuggestionsEvent }
  | { kind: 'products'; e: ChatProductsEvent }
  | { kind: 'token'; e: ChatTokenEvent }
  | { kind: 'done'; e: ChatDoneEvent }
  | { kind: 'error'; e: ChatErrorEvent };

export async function connectChat(
  url: string,
  auth: { token: string } | { guestId: string } = { guestId: randomUUID() },
): Promise<ChatSocket> {
  const socket: ChatSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Records every chat event the socket receives, in order. */
export function recordChat(socket: ChatSocket) {
  const events: Received[] = [];
  const waiters: (() => void)[] = [];
  const push = (r: Received) => {
    events.push(r);
    for (const w of waiters.splice(0)) w();
  };
  socket.on('chat:tool', (e) => push({ kind: 'tool', e }));
  socket.on('chat:comparison', (e) => push({ kind: 'comparison', e }));
  socket.on('chat:action', (e) => push({ kind: 'action', e }));
  socket.on('chat:suggestions', (e) => push({ kind: 'suggestions', e }));
  socket.on('chat:products', (e) => push({ kind: 'products', e }));
  socket.on('chat:token', (e) => push({ kind: 'token', e }));
  socket.on('chat:done', (e) => push({ kind: 'done', e }));
  socket.on('chat:error', (e) => push({ kind: 'error', e }));

  const forMessage = (messageId: string) =>
    events.filter((r) => r.kind !== 'error' && r.e.messageId === messageId) as Exclude<Received, { kind: 'error' }>[];

  /** Resolves when `pred` holds over the events so far (checked after each event). */
  const until = (pred: (all: Received[]) => boolean, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out; got ${JSON.stringify(events.map((e) => e.kind))}`)),
        timeoutMs,
      );
      const check = () => {
        if (pred(events)) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });

  return {
    events,
    forMessage,
    until,
    tokens: (messageId: string) => forMessage(messageId).flatMap((r) => (r.kind === 'token' ? [r.e] : [])),
    text: (messageId: string) =>
      forMessage(messageId)
        .flatMap((r) => (r.kind === 'token' ? [r.e.text] : []))
        .join(''),
    async done(messageId: string, timeoutMs?: number): Promise<ChatDoneEvent> {
      await until(() => forMessage(messageId).some((r) => r.kind === 'done'), timeoutMs);
      return (forMessage(messageId).find((r) => r.kind === 'done') as { e: ChatDoneEvent }).e;
    },
    /** The kinds of a message's events, in arrival order. */
    kinds: (messageId: string) => forMessage(messageId).map((r) => r.kind),
    of<K extends Exclude<Received['kind'], 'error'>>(messageId: string, kind: K) {
      return forMessage(messageId).flatMap((r) =>
        r.kind === kind ? [r.e as Extract<Received, { kind: K }>['e']] : [],
      );
    },
    async products(messageId: string): Promise<ChatProductsEvent> {
      await until(() => forMessage(messageId).some((r) => r.kind === 'products'));
      return (forMessage(messageId).find((r) => r.kind === 'products') as { e: ChatProductsEvent }).e;
    },
  };
}

export const sendChat = (socket: ChatSocket, payload: unknown) =>
  new Promise<ChatSendAck>((resolve) => socket.emit('chat:send', payload, resolve));

export const stopChat = (socket: ChatSocket, messageId: string) =>
  new Promise<SimpleAck>((resolve) => socket.emit('chat:stop', { messageId }, resolve));

export const resumeChat = (socket: ChatSocket, messageId: string, afterSeq: number) =>
  new Promise<SimpleAck>((resolve) => socket.emit('chat:resume', { messageId, afterSeq }, resolve));

/** Asserts an ack succeeded and narrows it. */
export function ok<T extends { ok: boolean }>(ack: T): Extract<T, { ok: true }> {
  if (!ack.ok) throw new Error(`ack failed: ${JSON.stringify(ack)}`);
  return ack as Extract<T, { ok: true }>;
}
