// One load-generating process of the load benchmark (forked by scripts/bench/load.ts, so the
// servers never measure their own clients). It opens its share of guest sockets spread over
// the instances, makes every socket watch the benchmark product, then keeps a number of chats
// in flight for the requested time, and reports what it measured over IPC.
import { io, type Socket } from 'socket.io-client';
import type { ChatSendAck, ClientToServerEvents, ServerToClientEvents } from '@gpu/shared';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ClientCommand =
  | { type: 'connect'; urls: string[]; count: number; offset: number; gpuId: string; batch: number }
  | { type: 'load'; chats: number; durationMs: number; questions: string[] }
  | { type: 'close' };

export type ClientReply =
  | { type: 'ready' }
  | { type: 'connected'; ok: number; failed: number; connectMs: number[]; errors: string[] }
  | {
      type: 'loaded';
      /** From the start of the load until the last chat ended. */
      activeMs: number;
      chatsDone: number;
      chatErrors: number;
      errors: string[];
      ttftMs: number[];
      chatMs: number[];
      tokenEvents: number;
      completionTokens: number;
      disconnects: number;
      /** Receive times (epoch ms) of `stock:update`, by stock value. */
      stockReceived: Record<number, number[]>;
    };

const now = () => performance.timeOrigin + performance.now();
const send = (reply: ClientReply) => process.send?.(reply);
const sockets: Client[] = [];
const stockReceived: Record<number, number[]> = {};
let disconnects = 0;

function connectOne(url: string, gpuId: string, timings: number[]): Promise<Client> {
  const started = now();
  const socket: Client = io(url, {
    auth: { guestId: crypto.randomUUID() },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      timings.push(now() - started);
      socket.on('disconnect', () => disconnects++);
      socket.on('stock:update', (e) => (stockReceived[e.stock] ??= []).push(now()));
      socket
        .timeout(20_000)
        .emitWithAck('stock:watch', { gpuIds: [gpuId] })
        .then(
          (ack) => (ack.ok ? resolve(socket) : reject(new Error(`stock:watch: ${ack.error.code}`))),
          (err: Error) => reject(err),
        );
    });
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

async function connectAll(cmd: Extract<ClientCommand, { type: 'connect' }>): Promise<void> {
  const connectMs: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  for (let i = 0; i < cmd.count; i += cmd.batch) {
    const batch = Array.from({ length: Math.min(cmd.batch, cmd.count - i) }, (_, j) => {
      const url = cmd.urls[(cmd.offset + i + j) % cmd.urls.length]!;
      return connectOne(url, cmd.gpuId, connectMs).then(
        (s) => void sockets.push(s),
        (err: Error) => {
          failed++;
          if (errors.length < 5) errors.push(err.message);
        },
      );
    });
    await Promise.all(batch);
  }
  send({ type: 'connected', ok: sockets.length, failed, connectMs, errors });
}

/**
 * One chat on `socket`: resolves with its measurements, or throws. A socket carries one chat
 * at a time (the caller owns it), so every answer event on it belongs to this chat; listening
 * before sending catches tokens that arrive in the same packet batch as the ack.
 */
async function chatOnce(socket: Client, question: string) {
  const started = now();
  let first: number | undefined;
  let events = 0;
  let finish!: (err?: Error, completionTokens?: number) => void;
  const result = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('answer timed out')), 60_000);
    const onToken = () => {
      first ??= now();
      events++;
    };
    const onDone = (e: { finishReason: string; usage: { completionTokens: number } }) =>
      finish(
        e.finishReason === 'stop' ? undefined : new Error(`finished: ${e.finishReason}`),
        e.usage.completionTokens,
      );
    const onError = (e: { code: string }) => finish(new Error(`chat:error ${e.code}`));
    finish = (err, completionTokens = 0) => {
      clearTimeout(timer);
      socket.off('chat:token', onToken).off('chat:done', onDone).off('chat:error', onError);
      if (err) reject(err);
      else resolve(completionTokens);
    };
    socket.on('chat:token', onToken).on('chat:done', onDone).on('chat:error', onError);
  });
  let ack: ChatSendAck;
  try {
    ack = await socket.timeout(20_000).emitWithAck('chat:send', { message: question });
  } catch (err) {
    finish(err as Error);
  }
  if (ack! && !ack.ok) finish(new Error(`chat:send ${ack.error.code}`));
  const completionTokens = await result;
  return { ttft: (first ?? now()) - started, total: now() - started, events, completionTokens };
}

async function load(cmd: Extract<ClientCommand, { type: 'load' }>): Promise<void> {
  const until = now() + cmd.durationMs;
  const idle = [...sockets];
  const out = { chatsDone: 0, chatErrors: 0, errors: [] as string[], ttftMs: [] as number[], chatMs: [] as number[] };
  let tokenEvents = 0;
  let completionTokens = 0;
  let q = 0;
  const loop = async () => {
    while (now() < until) {
      // Least recently used socket: each guest asks at most every few seconds (rate limits).
      const socket = idle.shift();
      if (!socket) return;
      try {
        const r = await chatOnce(socket, cmd.questions[q++ % cmd.questions.length]!);
        out.chatsDone++;
        out.ttftMs.push(r.ttft);
        out.chatMs.push(r.total);
        tokenEvents += r.events;
        completionTokens += r.completionTokens;
      } catch (err) {
        out.chatErrors++;
        if (out.errors.length < 5) out.errors.push((err as Error).message);
      } finally {
        idle.push(socket);
      }
    }
  };
  await Promise.all(Array.from({ length: cmd.chats }, loop));
  const activeMs = now() - (until - cmd.durationMs);
  // Stock updates keep arriving for the whole run, and shortly after its last change.
  await new Promise((r) => setTimeout(r, Math.max(0, until - now()) + 2_000));
  send({ type: 'loaded', ...out, activeMs, tokenEvents, completionTokens, disconnects, stockReceived });
}

process.on('message', (cmd: ClientCommand) => {
  if (cmd.type === 'connect') void connectAll(cmd);
  else if (cmd.type === 'load') void load(cmd);
  else {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});
send({ type: 'ready' });
