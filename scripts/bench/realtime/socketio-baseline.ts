// The bare Socket.IO baseline: what a user would write instead of the product. One room, the
// same socket.io-client workers, the same events: `stock:watch` joins the room and acks, POST
// /broadcast?stock=N emits `stock:update` to the room. No adapter, auth, limits or logging.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'POST' && url.pathname === '/broadcast') {
    io.to('gpu').emit('stock:update', { gpuId: 'baseline', stock: Number(url.searchParams.get('stock')) });
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('stock:watch', (_payload: unknown, ack?: (r: { ok: true; stocks: [] }) => void) => {
    void socket.join('gpu');
    ack?.({ ok: true, stocks: [] });
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.send?.({ type: 'listening', port });
});
process.on('SIGTERM', () => process.exit(0));
