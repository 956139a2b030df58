// socket.io-client over WebSocket, recording which server process accepted the connection:
// cluster workers add `X-Instance-Id` to the WebSocket upgrade response (as to every HTTP
// response), so a suite can tell on which worker a socket landed.
import { io, NodeWebSocket, type Socket } from 'socket.io-client';
import type { IncomingMessage } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@gpu/shared';

export type TaggedSocket = Socket<ServerToClientEvents, ClientToServerEvents> & { instanceId?: string };

interface UpgradeEmitter {
  once(event: 'upgrade', listener: (res: IncomingMessage) => void): unknown;
}

export function connectTagged(
  url: string,
  auth: Record<string, unknown>,
  opts: { namespace?: string } = {},
): Promise<TaggedSocket> {
  let instanceId: string | undefined;
  class TaggingTransport extends NodeWebSocket {
    // The transport's factory for the underlying `ws` socket (engine.io-client's extension point).
    override createSocket(uri: string, protocols: string | string[] | undefined, o: Record<string, unknown>) {
      const ws = super.createSocket(uri, protocols, o) as UpgradeEmitter;
      ws.once('upgrade', (res) => (instanceId = String(res.headers['x-instance-id'] ?? '')));
      return ws;
    }
  }
  const socket = io(`${url}${opts.namespace ?? ''}`, {
    auth,
    transports: [TaggingTransport],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  }) as TaggedSocket;
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.instanceId = instanceId;
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}
