// A local OpenAI-compatible chat endpoint (what groq-sdk calls at
// <LLM_BASE_URL>/openai/v1/chat/completions), streaming answers chosen by the test: slow
// ones to cut mid-way, hostile ones to check the page stays inert.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  chunks: string[];
  delayMs: number;
}

export interface FakeLlm {
  url: string;
  /** Picks the answer from the last user message. */
  answerFor: (userMessage: string) => FakeAnswer;
  requests: number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

export async function startFakeLlm(answerFor: (userMessage: string) => FakeAnswer): Promise<FakeLlm> {
  const fake: FakeLlm = { url: '', answerFor, requests: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      fake.requests += 1;
      const body = (await readJson(req)) as {
        messages?: { role: string; content: string }[];
        stream?: boolean;
        model?: string;
      };
      const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
      const answer = fake.answerFor(last);
      const id = `chatcmpl-fake-${fake.requests}`;
      const created = Math.floor(Date.now() / 1000);
      const model = body.model ?? 'fake-model';
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created,
            model,
            choices: [
              { index: 0, message: { role: 'assistant', content: answer.chunks.join('') }, finish_reason: 'stop' },
            ],
            usage: {
              prompt_tokens: 100,
              completion_tokens: answer.chunks.length,
              total_tokens: 100 + answer.chunks.length,
            },
          }),
        );
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const send = (obj: unknown) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
      let closed = false;
      res.on('close', () => (closed = true));
      for (const chunk of answer.chunks) {
        if (closed) return;
        send({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          choices: [{ index: 0, delta: { content: chunk }, finish_reason: null }],
        });
        await new Promise((r) => setTimeout(r, answer.delayMs));
      }
      const usage = {
        prompt_tokens: 100,
        completion_tokens: answer.chunks.length,
        total_tokens: 100 + answer.chunks.length,
      };
      send({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        x_groq: { id, usage },
        usage,
      });
      res.write('data: [DONE]\n\n');
      res.end();
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
