// A loopback TCP load balancer for drills: each new client connection goes to the next
// upstream port in turn, skipping ports that refuse (an instance being restarted), the way a
// Kubernetes Service / ingress spreads connections over ready pods. One connection stays on
// one upstream for its life, so a WebSocket needs no affinity.
import net from 'node:net';

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Connections currently open per upstream port. */
  openByUpstream(): Map<number, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const open = new Set<net.Socket>();
  const byUpstream = new Map<number, number>();

  const connectFrom = (client: net.Socket, attempt: number) => {
    if (attempt >= upstreams.length || client.destroyed) {
      client.destroy();
      return;
    }
    const port = upstreams[next++ % upstreams.length]!;
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      open.add(upstream);
      byUpstream.set(port, (byUpstream.get(port) ?? 0) + 1);
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) connectFrom(client, attempt + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      if (!connected) return;
      open.delete(upstream);
      byUpstream.set(port, (byUpstream.get(port) ?? 1) - 1);
      client.destroy();
    });
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => undefined);
    client.on('close', () => open.delete(client));
    connectFrom(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    openByUpstream: () => new Map(byUpstream),
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
