// A loopback TCP proxy that a suite can cut and restore, to simulate a database or Redis
// outage without touching the shared service, or hold, to make it slow: requests wait
// unanswered until release(). Targets a TCP port or a Unix socket path.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  /** Stops forwarding what the clients send (connections stay open) until release(). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port?: number; path?: string }): Promise<TcpProxy> {
  let enabled = true;
  let held = false;
  const open = new Set<net.Socket>();
  const upstreamOf = new Map<net.Socket, net.Socket>();
  const server = net.createServer((client) => {
    if (!enabled) {
      client.destroy();
      return;
    }
    const upstream = target.path ? net.connect(target.path) : net.connect(target.port!, target.host ?? '127.0.0.1');
    open.add(client);
    open.add(upstream);
    upstreamOf.set(client, upstream);
    const cleanup = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      upstreamOf.delete(client);
    };
    client.on('error', cleanup).on('close', cleanup);
    upstream.on('error', cleanup).on('close', cleanup);
    if (held) client.pause();
    else client.pipe(upstream);
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
    hold() {
      held = true;
      for (const [client, upstream] of upstreamOf) {
        client.unpipe(upstream);
        client.pause();
      }
    },
    release() {
      held = false;
      for (const [client, upstream] of upstreamOf) client.pipe(upstream);
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
