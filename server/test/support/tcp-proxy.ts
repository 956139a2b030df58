// A loopback TCP proxy that a suite can cut and restore, to simulate a database or Redis
// outage without touching the shared service. Targets a TCP port or a Unix socket path.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port?: number; path?: string }): Promise<TcpProxy> {
  let enabled = true;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!enabled) {
      client.destroy();
      return;
    }
    const upstream = target.path ? net.connect(target.path) : net.connect(target.port!, target.host ?? '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const cleanup = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', cleanup).on('close', cleanup);
    upstream.on('error', cleanup).on('close', cleanup);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const cut = () => {
    enabled = false;
    for (const s of open) s.destroy();
    open.clear();
  };
  return {
    port,
    cut,
    restore() {
      enabled = true;
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
