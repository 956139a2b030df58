// The bare Socket.IO baseline: what a user would write instead of the product. One room, the
// same socket.io-client workers, the same events: `stock:watch` joins the room and acks, POST
// /broadcast?stock=N (or a PUBLISH on BENCH_CHANNEL) emits `stock:update` to the room. No adapter, auth, limits or logging.
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { BENCH_CHANNEL } from './baseline-channel.js';
import { Server } from 'socket.io';

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'POST' && url.pathname === '/broadcast') {
    broadcast(Number(url.searchParams.get('stock')));
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(server, { serveClient: false });
function broadcast(stock: number): void {
  io.to('gpu').emit('stock:update', { gpuId: 'baseline', stock });
}
io.on('connection', (socket) => {
  socket.on('stock:watch', (_payload: unknown, ack?: (r: { ok: true; stocks: [] }) => void) => {
    void socket.join('gpu');
    ack?.({ ok: true, stocks: [] });
  });
});
// The same trigger as the product's: a Redis PUBLISH (the bench sends the stock on
// BENCH_CHANNEL), so no baseline broadcasts inside an HTTP handler the triggers queue behind.
const subscriber = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
subscriber?.on('message', (_channel: string, stock: string) => broadcast(Number(stock)));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  void (subscriber ? subscriber.subscribe(BENCH_CHANNEL) : Promise.resolve()).then(() =>
    process.send?.({ type: 'listening', port }),
  );
});
process.on('SIGTERM', () => process.exit(0));
