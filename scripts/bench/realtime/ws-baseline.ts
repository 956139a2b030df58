// The raw `ws` baseline: the least a WebSocket fan-out can cost on this machine. POST
// /broadcast?stock=N (or a PUBLISH on BENCH_CHANNEL) sends `{ gpuId, stock: N }` to every connected client.
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { BENCH_CHANNEL } from './baseline-channel.js';
import { WebSocketServer, type WebSocket } from 'ws';

const clients = new Set<WebSocket>();
function broadcast(stock: number): void {
  const message = JSON.stringify({ gpuId: 'baseline', stock });
  for (const c of clients) c.send(message);
}
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'POST' && url.pathname === '/broadcast') {
    broadcast(Number(url.searchParams.get('stock')));
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  clients.add(ws);
  ws.on('close', () => clients.delete(ws));
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
