// Parts 2 and 3: the assistant through a real server process, with a fake Groq on loopback.
//   overhead     sequential chats: chat:send -> ack, -> chat:products, -> first chat:token,
//                with an upstream that answers at once (so the time is the server's)
//   concurrency  N chats at once through one instance, the upstream streaming every answer:
//                tokens/s delivered to the clients, and the server's event-loop delay
//                (perf_hooks monitorEventLoopDelay, read from prom-client's nodejs_eventloop_lag_*,
//                which resets at each scrape: one scrape before the run, one after), and the
//                server's CPU time over the run (process_cpu_seconds_total, after minus before):
//                on a shared machine wall times swing with the neighbours, CPU per answer much less.
//                The histogram samples every 10 ms (prom-client's default resolution) and
//                records the whole interval, so an idle loop reads about 10 ms, not 0.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connectChat, recordChat, sendChat, type ChatSocket } from '../../../server/test/assistant/chat-client.js';
import { startFakeGroq, type FakeGroq } from '../../../server/test/assistant/fake-groq.js';
import { startServerProcess, type ServerProcess } from '../../../server/test/support/processes.js';
import { fmt, summarize } from './stats.js';

export interface ChatServer {
  server: ServerProcess;
  fake: FakeGroq;
  close(): Promise<void>;
}

/**
 * BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS (e.g. "0" and "1") pin the server and this process
 * (the clients and the fake Groq) to separate cores with taskset, every thread: on a small
 * machine the server's loop delay otherwise counts the time the load generator holds its core.
 */
function pinCpus(pid: number | undefined, cpus: string | undefined): void {
  if (!pid || !cpus) return;
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

export async function startChatServer(env: Record<string, string>): Promise<ChatServer> {
  const fake = await startFakeGroq({ kind: 'stream', chunks: ['Hello', ' there.'] });
  const server = await startServerProcess(
    {
      ...env,
      LOG_LEVEL: 'warn',
      GROQ_API_KEY: 'bench',
      LLM_BASE_URL: fake.url,
      LLM_MODEL: 'bench-model',
      CHAT_DAILY_TOKEN_BUDGET: '0',
      // Hundreds of guests from one loopback address would hit the per-IP guest limits (30
      // sockets an hour): exempt loopback on this bench server only. Off by default; the
      // per-guest and per-user limits still apply.
      RATE_LIMIT_ALLOWLIST: '127.0.0.1,::1',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    },
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
    { readyTimeoutMs: 180_000, nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [] },
  );
  pinCpus(server.child.pid, process.env.BENCH_SERVER_CPUS);
  pinCpus(process.pid, process.env.BENCH_CLIENT_CPUS);
  return {
    server,
    fake,
    async close() {
      await server.stop();
      await fake.close();
    },
  };
}

async function metrics(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) ([\d.e+-]+|NaN)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

/** Sequential chats (one at a time), spread over `sockets` guests to stay under per-shopper limits. */
export async function benchOverhead(cs: ChatServer, chats: number, sockets = 20) {
  cs.fake.setDefault({ kind: 'stream', chunks: ['Hello', ' there.'] });
  const clients: { socket: ChatSocket; rec: ReturnType<typeof recordChat> }[] = [];
  for (let i = 0; i < sockets; i++) {
    const socket = await connectChat(cs.server.url, { guestId: randomUUID() });
    clients.push({ socket, rec: recordChat(socket) });
  }
  const ack: number[] = [];
  const products: number[] = [];
  const first: number[] = [];
  const upstream: number[] = [];
  const before = await metrics(cs.server.url);
  for (let i = 0; i < chats; i++) {
    const { socket, rec } = clients[i % sockets]!;
    const requestsBefore = cs.fake.requests.length;
    const t0 = performance.now();
    const wall0 = Date.now();
    const a = await sendChat(socket, { message: 'best card for 1440p gaming under $700' });
    if (!a.ok) throw new Error(`chat:send refused: ${a.error.code}`);
    ack.push(performance.now() - t0);
    await rec.products(a.messageId);
    products.push(performance.now() - t0);
    await rec.until(() => rec.tokens(a.messageId).length > 0);
    first.push(performance.now() - t0);
    await rec.done(a.messageId);
    const req = cs.fake.requests[requestsBefore];
    if (req) upstream.push(req.receivedAt - wall0);
  }
  const after = await metrics(cs.server.url);
  for (const c of clients) c.socket.disconnect();
  const retrievalCount =
    (after.get('retrieval_duration_seconds_count') ?? 0) - (before.get('retrieval_duration_seconds_count') ?? 0);
  const retrievalSum =
    (after.get('retrieval_duration_seconds_sum') ?? 0) - (before.get('retrieval_duration_seconds_sum') ?? 0);
  const row = (name: string, v: number[]) => {
    const s = summarize(v);
    return { step: name, n: s.n, 'p50 ms': fmt(s.p50), 'p99 ms': fmt(s.p99), 'mean ms': fmt(s.mean) };
  };
  return [
    row('chat:send -> ack', ack),
    row('chat:send -> chat:products', products),
    row('chat:send -> upstream request', upstream),
    row('chat:send -> first chat:token', first),
    {
      step: 'retrieval (server histogram mean)',
      n: retrievalCount,
      'p50 ms': '-',
      'p99 ms': '-',
      'mean ms': fmt((retrievalSum / Math.max(1, retrievalCount)) * 1000),
    },
  ];
}

/** `chats` answers at once, each `tokens` upstream tokens `gapMs` apart. */
export async function benchConcurrency(cs: ChatServer, chats: number, tokens: number, gapMs: number) {
  cs.fake.setDefault({ kind: 'stream', chunks: Array.from({ length: tokens }, (_, i) => `t${i} `), delayMs: gapMs });
  const clients: { socket: ChatSocket; rec: ReturnType<typeof recordChat> }[] = [];
  for (let i = 0; i < chats; i++) {
    const socket = await connectChat(cs.server.url, { guestId: randomUUID() });
    clients.push({ socket, rec: recordChat(socket) });
  }
  const before = await metrics(cs.server.url); // also resets the server's event-loop-delay histogram
  const t0 = performance.now();
  const ttft: number[] = [];
  const runs = clients.map(async ({ socket, rec }) => {
    const a = await sendChat(socket, { message: 'best card for 4K gaming and streaming' });
    if (!a.ok) throw new Error(`chat:send refused: ${a.error.code}`);
    await rec.until(() => rec.tokens(a.messageId).length > 0, 120_000);
    ttft.push(performance.now() - t0);
    const done = await rec.done(a.messageId, 300_000);
    return { text: rec.text(a.messageId), events: rec.tokens(a.messageId).length, done };
  });
  const results = await Promise.all(runs);
  const wallS = (performance.now() - t0) / 1000;
  const lag = await metrics(cs.server.url);
  for (const c of clients) c.socket.disconnect();
  const delivered = results.reduce((s, r) => s + r.text.split(' ').filter(Boolean).length, 0);
  const events = results.reduce((s, r) => s + r.events, 0);
  const complete = results.filter(
    (r) => r.done.finishReason === 'stop' && r.text.split(' ').filter(Boolean).length === tokens,
  ).length;
  const t = summarize(ttft);
  const ms = (k: string) => fmt((lag.get(k) ?? NaN) * 1000);
  const cpuS = (lag.get('process_cpu_seconds_total') ?? NaN) - (before.get('process_cpu_seconds_total') ?? NaN);
  return {
    chats,
    'tokens/answer': tokens,
    'complete answers': `${complete}/${chats}`,
    'wall s': fmt(wallS),
    'tokens/s delivered': fmt(delivered / wallS, 0),
    'chat:token events/s': fmt(events / wallS, 0),
    'tokens per event': fmt(delivered / Math.max(1, events), 1),
    'ttft p50 ms': fmt(t.p50),
    'ttft p99 ms': fmt(t.p99),
    'loop delay p50 ms': ms('nodejs_eventloop_lag_p50_seconds'),
    'loop delay p99 ms': ms('nodejs_eventloop_lag_p99_seconds'),
    'loop delay max ms': ms('nodejs_eventloop_lag_max_seconds'),
    'server cpu s': fmt(cpuS),
    'cpu ms/answer': fmt((cpuS * 1000) / chats, 1),
  };
}
