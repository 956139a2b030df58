// A fake Groq on loopback speaking the OpenAI-compatible wire format the SDK expects:
// POST /openai/v1/chat/completions with `stream: true` answered by server-sent events
// `data: {choices:[{delta:{content}}]}` ... `data: [DONE]`, and streamed tool calls
// `delta.tool_calls[{index, id, type, function: {name, arguments}}]` ending with
// `finish_reason: "tool_calls"` (whole in one chunk as Groq sends them, or in fragments as
// other compatible servers do). Each request takes the next scripted behaviour (or the
// default; a function of the request may choose it) and is recorded, including whether its
// connection closed before the answer finished (what chat:stop must cause).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedCall {
  id?: string;
  name: string;
  /** An object is sent as JSON; a string is sent as is (it may be invalid JSON on purpose). */
  arguments: string | Record<string, unknown>;
}

export type Behaviour =
  | {
      kind: 'tool_calls';
      calls: ScriptedCall[];
      /** Send each call's arguments in pieces over several chunks. */
      fragmented?: boolean;
      delayMs?: number;
      usage?: { prompt_tokens: number; completion_tokens: number };
    }
  /** Decides from the request (e.g. answer with a product from the tool result it carries). */
  | { kind: 'respond'; with: (body: CapturedRequest['body']) => Behaviour }
  | {
      kind: 'stream';
      chunks: string[];
      delayMs?: number;
      usage?: { prompt_tokens: number; completion_tokens: number };
      finish?: 'stop' | 'length';
    }
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  /** Headers sent, then nothing: a stalled upstream. */
  | { kind: 'hang' }
  /** Not even headers: an upstream that accepts the connection and never answers. */
  | { kind: 'silent' };

export interface CapturedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    stream: boolean;
    messages: {
      role: string;
      content: string | null;
      tool_call_id?: string;
      tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
    }[];
    [k: string]: unknown;
  };
  /** Resolves true when the client closed the connection before the answer ended. */
  closedEarly: Promise<boolean>;
  receivedAt: number;
}

export interface FakeGroq {
  url: string;
  requests: CapturedRequest[];
  /** Scripts the next requests, in order; later ones get the default. */
  enqueue(...b: Behaviour[]): void;
  setDefault(b: Behaviour): void;
  reset(): void;
  close(): Promise<void>;
}

const chunk = (content: string | null, finish: string | null, extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'fake',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
    ...extra,
  })}\n\n`;

export async function startFakeGroq(
  initial: Behaviour = { kind: 'stream', chunks: ['Hello', ' there.'] },
): Promise<FakeGroq> {
  let fallback = initial;
  const queue: Behaviour[] = [];
  const requests: CapturedRequest[] = [];
  const open = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const part of req) raw += String(part);
    let settle!: (v: boolean) => void;
    const closedEarly = new Promise<boolean>((r) => (settle = r));
    res.on('close', () => settle(!res.writableFinished));
    requests.push({
      path: req.url ?? '',
      headers: req.headers,
      body: JSON.parse(raw || '{}'),
      closedEarly,
      receivedAt: Date.now(),
    });
    open.add(res);
    res.on('close', () => open.delete(res));

    let b = queue.shift() ?? fallback;
    while (b.kind === 'respond') b = b.with(requests.at(-1)!.body);
    if (b.kind === 'status') {
      res.writeHead(b.status, {
        'content-type': 'application/json',
        ...(b.retryAfter !== undefined ? { 'retry-after': b.retryAfter } : {}),
      });
      res.end(JSON.stringify(b.body ?? { error: { message: `fake ${b.status}`, type: 'fake' } }));
      return;
    }
    if (b.kind === 'silent') return;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    if (b.kind === 'hang') return; // never writes a token; the client must time out
    if (b.kind === 'tool_calls') {
      const calls = b.calls.map((c, index) => ({
        index,
        id: c.id ?? `call_${requests.length}_${index}`,
        name: c.name,
        args: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
      }));
      if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
      if (res.destroyed) return;
      const delta = (parts: object[]) =>
        `data: ${JSON.stringify({
          id: 'chatcmpl-fake',
          object: 'chat.completion.chunk',
          created: Math.floor(Date.now() / 1000),
          model: 'fake',
          choices: [{ index: 0, delta: { tool_calls: parts }, finish_reason: null }],
        })}\n\n`;
      if (b.fragmented) {
        for (const c of calls) {
          res.write(delta([{ index: c.index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }]));
          const half = Math.ceil(c.args.length / 2);
          res.write(delta([{ index: c.index, function: { arguments: c.args.slice(0, half) } }]));
          res.write(delta([{ index: c.index, function: { arguments: c.args.slice(half) } }]));
        }
      } else {
        res.write(
          delta(
            calls.map((c) => ({
              index: c.index,
              id: c.id,
              type: 'function',
              function: { name: c.name, arguments: c.args },
            })),
          ),
        );
      }
      const usage = b.usage ?? { prompt_tokens: 200, completion_tokens: 20 };
      res.write(
        chunk(null, 'tool_calls', {
          x_groq: { id: 'req_fake', usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } },
        }),
      );
      res.write('data: [DONE]\n\n');
      res.end();
      return;
    }
    for (const c of b.chunks) {
      if (res.destroyed) return;
      if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
      if (res.destroyed) return;
      res.write(chunk(c, null));
    }
    const usage = b.usage ?? { prompt_tokens: 321, completion_tokens: b.chunks.length };
    res.write(
      chunk(null, b.finish ?? 'stop', {
        x_groq: { id: 'req_fake', usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } },
      }),
    );
    res.write('data: [DONE]\n\n');
    res.end();
  };

  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/openai/v1/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...b) => queue.push(...b),
    setDefault: (b) => (fallback = b),
    reset() {
      queue.length = 0;
      requests.length = 0;
      fallback = initial;
    },
    async close() {
      for (const res of open) res.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
