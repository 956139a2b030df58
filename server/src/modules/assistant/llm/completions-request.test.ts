import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger.js';
import {
  CompletionsRequest,
  UpstreamConnectionError,
  UpstreamStatusError,
  UpstreamTimeoutError,
} from './completions-request.js';
import { GroqProvider, LlmStreamError } from './groq-provider.js';
import { LlmUnavailableError, type LlmDelta } from './provider.js';

let server: Server | undefined;

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const client = (baseURL: string, timeoutMs = 2_000) => new CompletionsRequest({ apiKey: 'k', baseURL, timeoutMs });

const readAll = async (res: AsyncIterable<Buffer>) => {
  let text = '';
  for await (const b of res) text += b.toString();
  return text;
};

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe('CompletionsRequest', () => {
  it('posts the JSON body with the key to <base>/openai/v1/chat/completions and hands back the stream', async () => {
    let seen: { url?: string; auth?: string; type?: string; body: string } = { body: '' };
    const base = await serve((req, res) => {
      let body = '';
      req.on('data', (b: Buffer) => (body += b.toString()));
      req.on('end', () => {
        seen = { url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body };
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: one\n\n');
        res.end('data: [DONE]\n\n');
      });
    });
    const res = await client(`${base}/`).open({ model: 'm', stream: true }, new AbortController().signal);
    expect(await readAll(res)).toBe('data: one\n\ndata: [DONE]\n\n');
    expect(seen).toEqual({
      url: '/openai/v1/chat/completions',
      auth: 'Bearer k',
      type: 'application/json',
      body: '{"model":"m","stream":true}',
    });
  });

  it('rejects a non-2xx status with its headers and the API error message', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '2', 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'rate limited, slow down' } }));
    });
    const err = await client(base)
      .open({}, new AbortController().signal)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamStatusError);
    expect(err).toMatchObject({ status: 429, message: '429 rate limited, slow down' });
    expect((err as UpstreamStatusError).headers['retry-after']).toBe('2');
  });

  it('tells a refused connection from a server that never answers', async () => {
    const base = await serve(() => undefined);
    const port = (server!.address() as AddressInfo).port;
    await expect(client(base, 300).open({}, new AbortController().signal)).rejects.toBeInstanceOf(UpstreamTimeoutError);
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(client(`http://127.0.0.1:${port}`).open({}, new AbortController().signal)).rejects.toBeInstanceOf(
      UpstreamConnectionError,
    );
  });

  it('rejects with the signal reason when aborted before the headers', async () => {
    const base = await serve(() => undefined);
    const controller = new AbortController();
    const pending = client(base).open({}, controller.signal);
    setTimeout(() => controller.abort(new Error('stopped by the shopper')), 50);
    await expect(pending).rejects.toThrow('stopped by the shopper');
  });

  it('closes the upstream request when aborted while the body streams', async () => {
    let closedEarly: Promise<boolean> | undefined;
    const base = await serve((_req, res) => {
      closedEarly = new Promise((resolve) => res.on('close', () => resolve(!res.writableEnded)));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
    });
    const controller = new AbortController();
    const res = await client(base).open({}, controller.signal);
    const reading = readAll(res).catch((e: unknown) => e);
    controller.abort(new Error('stop'));
    expect(await reading).toBeInstanceOf(Error);
    expect(await closedEarly).toBe(true);
  });
});

describe('GroqProvider over CompletionsRequest', () => {
  const provider = (baseURL: string) =>
    new GroqProvider({ apiKey: 'k', model: 'm', baseURL, timeoutMs: 2_000, logger: createLogger('silent') });

  it('throws an error the API reports inside the stream, after the text before it', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: 'Hola' } }] })}\n\n`);
      res.end(`data: ${JSON.stringify({ error: { message: 'model overloaded' } })}\n\n`);
    });
    const p = provider(base);
    const seen: LlmDelta[] = [];
    const stream = p.stream({ messages: [{ role: 'user', content: 'hola' }], signal: new AbortController().signal });
    const err = await (async () => {
      for await (const d of stream) seen.push(d);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ type: 'text', text: 'Hola' }]);
    expect(err).toBeInstanceOf(LlmStreamError);
    expect((err as Error).message).toBe('model overloaded');
    expect(stream.usage()).toMatchObject({ estimated: true });
  });

  it('joins the text of the events one network chunk carries into one delta', async () => {
    const event = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(event('Una ') + event('RTX ') + event('4070'));
      setTimeout(() => res.end(event('.') + 'data: [DONE]\n\n'), 30);
    });
    const p = provider(base);
    const seen: LlmDelta[] = [];
    for await (const d of p.stream({
      messages: [{ role: 'user', content: 'hola' }],
      signal: new AbortController().signal,
    }))
      seen.push(d);
    expect(seen).toEqual([
      { type: 'text', text: 'Una RTX 4070' },
      { type: 'text', text: '.' },
    ]);
  });

  it('reuses one kept-alive connection for answers one after another', async () => {
    let connections = 0;
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify({ choices: [{ delta: { content: 'ok' } }] })}\n\ndata: [DONE]\n\n`);
    });
    server!.on('connection', () => connections++);
    const p = provider(base);
    for (let i = 0; i < 3; i++) {
      const seen: LlmDelta[] = [];
      for await (const d of p.stream({
        messages: [{ role: 'user', content: 'hola' }],
        signal: new AbortController().signal,
      }))
        seen.push(d);
      expect(seen).toEqual([{ type: 'text', text: 'ok' }]);
    }
    expect(connections).toBe(1);
  });

  it('retries a 503 once, then gives up as unavailable with the status', async () => {
    let calls = 0;
    const base = await serve((_req, res) => {
      calls++;
      res.writeHead(503, { 'retry-after-ms': '10' });
      res.end('busy');
    });
    const p = provider(base);
    const stream = p.stream({ messages: [{ role: 'user', content: 'hola' }], signal: new AbortController().signal });
    const err = await (async () => {
      for await (const _ of stream) void _;
    })().catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect(err).toMatchObject({ status: 503, message: '503 busy' });
  });
});
