// A loopback TCP load balancer for shutdown drills: each new connection goes to the next
// backend in turn, skipping backends that refuse (a stopped instance), like a real balancer
// with health checks. WebSocket-only clients need no stickiness.
import net from 'node:net';

export interface LoadBalancer {
  url: string;
  /** Backend port each accepted connection was sent to, in order. */
  routed: number[];
  close(): Promise<void>;
}

export async function startLoadBalancer(backendPorts: number[]): Promise<LoadBalancer> {
  let next = 0;
  const routed: number[] = [];
  const open = new Set<net.Socket>();

  const connectAny = (attempt: number): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      if (attempt >= backendPorts.length) return reject(new Error('no backend available'));
      const port = backendPorts[next++ % backendPorts.length]!;
      const upstream = net.connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        routed.push(port);
        resolve(upstream);
      });
      upstream.once('error', () => connectAny(attempt + 1).then(resolve, reject));
    });

  const server = net.createServer((client) => {
    client.pause();
    open.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => open.delete(client));
    connectAny(0).then(
      (upstream) => {
        open.add(upstream);
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
