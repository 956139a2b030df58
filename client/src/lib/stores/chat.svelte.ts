// The conversation on the home page. Answers stream in as chat:token events; a per-message
// TokenStream orders them by seq and drops duplicates, so a resume after a reconnect
// (chat:resume from the last seq seen) completes the text with no gap and no repeat. The
// steps (chat:tool), comparison, cart actions and follow-ups of an answer arrive beside the
// tokens; a resume may send them again, so each is kept idempotently.
import type {
  ChatActionEvent,
  ChatComparisonEvent,
  ChatDoneEvent,
  ChatErrorEvent,
  ChatProductsEvent,
  ChatSuggestionsEvent,
  ChatTokenEvent,
  ChatToolEvent,
  Conversation,
  Gpu,
} from '@gpu/shared';
import { api } from '../api.js';
import { acceptToken, createTokenStream, hasGap, lastSeq, type TokenStream } from '../chat/token-stream.js';
import { getSocket, onConnected } from '../socket.js';
import { uuid } from '../uuid.js';
import { onSessionChange } from './session.svelte.js';

export type TurnStatus = 'pending' | 'streaming' | 'done' | 'cancelled' | 'length' | 'error';

export interface ChatTurn {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  status: TurnStatus;
  messageId?: string;
  /** For an answer: the question it answers (used by regenerate). */
  prompt?: string;
  products: Gpu[];
  notes?: ChatProductsEvent['notes'];
  /** The assistant's steps, one per tool call (its latest status). */
  steps: Omit<ChatToolEvent, 'messageId'>[];
  comparison?: Omit<ChatComparisonEvent, 'messageId'> | null;
  actions: Omit<ChatActionEvent, 'messageId'>[];
  suggestions: string[];
  done?: ChatDoneEvent;
  /** An error code (socket ack / chat:error) or 'timeout'. */
  error?: string;
}

class ChatState {
  turns = $state<ChatTurn[]>([]);
  conversationId = $state<string | null>(null);
  /** Shown briefly after an answer resumed across a reconnect. */
  resumed = $state(false);
  busy = $derived(this.turns.some((t) => t.status === 'pending' || t.status === 'streaming'));
}
export const chat = new ChatState();

type Early =
  | { kind: 'tool'; e: ChatToolEvent }
  | { kind: 'products'; e: ChatProductsEvent }
  | { kind: 'comparison'; e: ChatComparisonEvent }
  | { kind: 'action'; e: ChatActionEvent }
  | { kind: 'suggestions'; e: ChatSuggestionsEvent }
  | { kind: 'token'; e: ChatTokenEvent }
  | { kind: 'done'; e: ChatDoneEvent };
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const streams = new Map<string, TokenStream>();
/** Events that arrived before chat:send's ack told us their messageId. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const early = new Map<string, Early[]>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const stopRequested = new Set<string>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const lastResume = new Map<string, number>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const lastEvent = new Map<string, number>();
/** An answer silent this long while connected is asked for again (a lost event, a dead room). */
const STALL_MS = 15_000;
let started = false;

const blankTurn = (role: 'user' | 'assistant'): ChatTurn => ({
  id: '',
  role,
  text: '',
  status: 'pending',
  products: [],
  steps: [],
  actions: [],
  suggestions: [],
});

function turnFor(messageId: string): ChatTurn | undefined {
  return chat.turns.find((t) => t.messageId === messageId);
}

function keepEarly(messageId: string, ev: Early): void {
  const list = early.get(messageId) ?? [];
  list.push(ev);
  early.set(messageId, list);
  // Events for answers this tab never asked for (another tab's) must not pile up.
  if (early.size > 20) early.delete(early.keys().next().value!);
}

function onProducts(e: ChatProductsEvent): void {
  const turn = turnFor(e.messageId);
  if (!turn) return keepEarly(e.messageId, { kind: 'products', e });
  turn.products = e.products;
  turn.notes = e.notes;
}

function onTool(e: ChatToolEvent): void {
  lastEvent.set(e.messageId, Date.now());
  const turn = turnFor(e.messageId);
  if (!turn) return keepEarly(e.messageId, { kind: 'tool', e });
  const { messageId: _m, ...step } = e;
  const i = step.callId ? turn.steps.findIndex((s) => s.callId === step.callId) : -1;
  if (i >= 0) {
    // A resume replays "started" after "done": a step never goes back.
    if (turn.steps[i]!.status === 'started') turn.steps[i] = step;
  } else turn.steps.push(step);
}

function onComparison(e: ChatComparisonEvent): void {
  const turn = turnFor(e.messageId);
  if (!turn) return keepEarly(e.messageId, { kind: 'comparison', e });
  turn.comparison = { products: e.products, rows: e.rows };
}

const sameAction = (a: Omit<ChatActionEvent, 'messageId'>, b: Omit<ChatActionEvent, 'messageId'>) =>
  a.type === b.type && a.gpuId === b.gpuId && a.quantity === b.quantity && a.ok === b.ok;

function onAction(e: ChatActionEvent): void {
  const turn = turnFor(e.messageId);
  if (!turn) return keepEarly(e.messageId, { kind: 'action', e });
  const { messageId: _m, ...action } = e;
  if (!turn.actions.some((a) => sameAction(a, action))) turn.actions.push(action);
}

function onSuggestions(e: ChatSuggestionsEvent): void {
  const turn = turnFor(e.messageId);
  if (!turn) return keepEarly(e.messageId, { kind: 'suggestions', e });
  turn.suggestions = e.suggestions;
}

function onToken(e: ChatTokenEvent): void {
  lastEvent.set(e.messageId, Date.now());
  const turn = turnFor(e.messageId);
  const stream = streams.get(e.messageId);
  if (!turn || !stream) return keepEarly(e.messageId, { kind: 'token', e });
  const text = acceptToken(stream, e.seq, e.text);
  if (text) turn.text += text;
  if (turn.status === 'pending') turn.status = 'streaming';
  if (hasGap(stream)) resume(e.messageId);
}

function onDone(e: ChatDoneEvent): void {
  const turn = turnFor(e.messageId);
  if (!turn) return keepEarly(e.messageId, { kind: 'done', e });
  turn.done = e;
  turn.status = e.finishReason === 'stop' ? 'done' : e.finishReason === 'cancelled' ? 'cancelled' : e.finishReason;
  const stream = streams.get(e.messageId);
  if (stream && hasGap(stream)) resume(e.messageId);
}

function onError(e: ChatErrorEvent): void {
  const turn = e.messageId ? turnFor(e.messageId) : chat.turns.findLast((t) => t.status === 'pending');
  if (!turn) return;
  turn.status = 'error';
  turn.error = e.code;
}

/** Asks the server to replay what we missed (throttled per message). */
function resume(messageId: string): void {
  const s = getSocket();
  const stream = streams.get(messageId);
  const now = Date.now();
  if (!stream || !s.connected || now - (lastResume.get(messageId) ?? 0) < 1500) return;
  lastResume.set(messageId, now);
  s.emit('chat:resume', { messageId, afterSeq: lastSeq(stream) });
}

function start(): void {
  if (started) return;
  started = true;
  const s = getSocket();
  s.on('chat:tool', onTool);
  s.on('chat:comparison', onComparison);
  s.on('chat:action', onAction);
  s.on('chat:suggestions', onSuggestions);
  s.on('chat:products', onProducts);
  s.on('chat:token', onToken);
  s.on('chat:done', onDone);
  s.on('chat:error', onError);
  setInterval(() => {
    const now = Date.now();
    for (const t of chat.turns) {
      if (t.status !== 'streaming' || !t.messageId) continue;
      if (now - (lastEvent.get(t.messageId) ?? now) > STALL_MS) {
        lastEvent.set(t.messageId, now);
        resume(t.messageId);
      }
    }
  }, 5_000);
  onConnected((first) => {
    if (first) return;
    for (const t of chat.turns) {
      if (t.status !== 'streaming' || !t.messageId) continue;
      lastResume.delete(t.messageId);
      resume(t.messageId);
      chat.resumed = true;
      setTimeout(() => (chat.resumed = false), 4000);
    }
  });
  // A different user (or none) must not see the previous user's conversation.
  onSessionChange((change) => {
    if (change !== 'refresh') newChat();
  });
}

function attach(turn: ChatTurn, messageId: string): void {
  turn.messageId = messageId;
  turn.status = 'streaming';
  lastEvent.set(messageId, Date.now());
  streams.set(messageId, createTokenStream());
  for (const ev of early.get(messageId) ?? []) {
    if (ev.kind === 'tool') onTool(ev.e);
    else if (ev.kind === 'products') onProducts(ev.e);
    else if (ev.kind === 'comparison') onComparison(ev.e);
    else if (ev.kind === 'action') onAction(ev.e);
    else if (ev.kind === 'suggestions') onSuggestions(ev.e);
    else if (ev.kind === 'token') onToken(ev.e);
    else onDone(ev.e);
  }
  early.delete(messageId);
  if (stopRequested.delete(turn.id)) getSocket().emit('chat:stop', { messageId });
}

export function initChat(): void {
  start();
}

export async function sendMessage(message: string, opts: { regenerate?: boolean } = {}): Promise<void> {
  start();
  const text = message.trim();
  if (!text || chat.busy) return;
  if (!opts.regenerate) chat.turns.push({ ...blankTurn('user'), id: uuid(), text, status: 'done' });
  const id = uuid();
  chat.turns.push({ ...blankTurn('assistant'), id, prompt: text });
  // Work through the store's proxy so changes re-render.
  const turn = chat.turns.at(-1)!;
  const payload = {
    message: text,
    clientMessageId: id,
    ...(chat.conversationId ? { conversationId: chat.conversationId } : {}),
  };
  try {
    const ack = await getSocket().timeout(20_000).emitWithAck('chat:send', payload);
    if (!ack.ok) {
      turn.status = 'error';
      turn.error = ack.error.code;
      return;
    }
    chat.conversationId = ack.conversationId;
    attach(turn, ack.messageId);
  } catch {
    turn.status = 'error';
    turn.error = 'timeout';
  }
}

export function stopAnswer(): void {
  const turn = chat.turns.findLast((t) => t.status === 'pending' || t.status === 'streaming');
  if (!turn) return;
  if (turn.messageId) getSocket().emit('chat:stop', { messageId: turn.messageId });
  else stopRequested.add(turn.id);
}

export function regenerate(): void {
  const last = chat.turns.at(-1);
  if (!last || last.role !== 'assistant' || !last.prompt || chat.busy) return;
  chat.turns.pop();
  void sendMessage(last.prompt, { regenerate: true });
}

export function newChat(): void {
  stopAnswer();
  chat.turns = [];
  chat.conversationId = null;
  streams.clear();
  early.clear();
}

/** Sends a follow-up chip's text as the shopper's next message. */
export function sendSuggestion(text: string): void {
  void sendMessage(text);
}

/** Loads a saved conversation (signed-in users) so the shopper can read and continue it. */
export async function openConversation(id: string): Promise<void> {
  start();
  const conv = await api<Conversation>(`/api/conversations/${id}`);
  streams.clear();
  chat.conversationId = conv.id;
  chat.turns = conv.messages.map((m, i) => ({
    ...blankTurn(m.role),
    id: m.id,
    text: m.content,
    status: m.finishReason && m.finishReason !== 'stop' ? m.finishReason : 'done',
    messageId: m.id,
    prompt: m.role === 'assistant' ? conv.messages[i - 1]?.content : undefined,
    // Products still in the catalog, as they are now (a removed one is left out).
    products: (m.products ?? []) as Gpu[],
    comparison: m.comparison ?? null,
    actions: m.actions ?? [],
    suggestions: m.suggestions ?? [],
    steps: m.tools ?? [],
  }));
}
