// A load-generating process for the realtime benchmark: opens sockets (socket.io-client or
// raw `ws`), watches one product, and records when each numbered update arrives. Driven by
// the orchestrator over IPC, so the server processes never measure their own clients.
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';

export type WorkerCommand =
  | { type: 'connect'; kind: 'socketio' | 'ws'; urls: string[]; count: number; gpuId: string; tokens?: string[] }
  | { type: 'collect'; sentAt: Record<number, number> }
  | { type: 'close' };

export type WorkerReply =
  { type: 'connected'; ok: number; failed: number } | { type: 'latencies'; latencies: number[]; received: number };

const now = () => performance.timeOrigin + performance.now();
/** seq -> arrival times (epoch ms, fractional) */
const arrivals = new Map<number, number[]>();
const sockets: { close(): void }[] = [];

function record(seq: number) {
  const at = now();
  const list = arrivals.get(seq);
  if (list) list.push(at);
  else arrivals.set(seq, [at]);
}

function openSocketIo(url: string, gpuId: string, token?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s: Socket = io(url, {
      transports: ['websocket'],
      auth: token ? { token } : { guestId: randomUUID() },
      reconnection: false,
      forceNew: true,
      timeout: 30_000,
    });
    s.on('stock:update', (u: { gpuId: string; stock: number }) => record(u.stock));
    s.once('connect_error', reject);
    s.once('connect', () => {
      s.timeout(30_000).emit('stock:watch', { gpuIds: [gpuId] }, (err: Error | null, ack: { ok: boolean }) => {
        if (err || !ack.ok) reject(err ?? new Error('watch refused'));
        else resolve();
      });
    });
    sockets.push(s);
  });
}

function openWs(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'));
    ws.on('message', (data) => record((JSON.parse(String(data)) as { stock: number }).stock));
    ws.once('open', () => resolve());
    ws.once('error', reject);
    sockets.push(ws);
  });
}

async function connectAll(cmd: Extract<WorkerCommand, { type: 'connect' }>): Promise<WorkerReply> {
  let ok = 0;
  let failed = 0;
  const concurrency = 50;
  for (let i = 0; i < cmd.count; i += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, cmd.count - i) }, (_, j) => {
      const url = cmd.urls[(i + j) % cmd.urls.length]!;
      return cmd.kind === 'socketio' ? openSocketIo(url, cmd.gpuId, cmd.tokens?.[i + j]) : openWs(url);
    });
    for (const r of await Promise.allSettled(batch)) {
      if (r.status === 'fulfilled') ok++;
      else failed++;
    }
  }
  return { type: 'connected', ok, failed };
}

function latencies(sentAt: Record<number, number>): WorkerReply {
  const out: number[] = [];
  let received = 0;
  for (const [seq, times] of arrivals) {
    const sent = sentAt[seq];
    if (sent === undefined) continue; // warm-up
    received += times.length;
    for (const t of times) out.push(Math.round((t - sent) * 100) / 100);
  }
  return { type: 'latencies', latencies: out, received };
}

process.on('message', (cmd: WorkerCommand) => {
  const reply = (r: WorkerReply) => process.send?.(r);
  if (cmd.type === 'connect') void connectAll(cmd).then(reply);
  else if (cmd.type === 'collect') reply(latencies(cmd.sentAt));
  else {
    for (const s of sockets) s.close();
    setTimeout(() => process.exit(0), 200);
  }
});
process.send?.({ type: 'ready' });
