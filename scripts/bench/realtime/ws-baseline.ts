// The raw `ws` baseline: the least a WebSocket fan-out can cost on this machine. POST
// /broadcast?stock=N sends `{ gpuId, stock: N }` to every connected client.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const clients = new Set<WebSocket>();
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'POST' && url.pathname === '/broadcast') {
    const message = JSON.stringify({ gpuId: 'baseline', stock: Number(url.searchParams.get('stock')) });
    for (const c of clients) c.send(message);
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
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.send?.({ type: 'listening', port });
});
process.on('SIGTERM', () => process.exit(0));
