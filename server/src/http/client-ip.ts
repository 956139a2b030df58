// The client address behind trusted proxies, decided once from TRUST_PROXY exactly as Express
// decides `req.ip`, so HTTP requests and Socket.IO handshakes (which Express never sees) are
// limited per the same address. Also whether the original request was HTTPS.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyaddr from 'proxy-addr';

export type TrustFn = (addr: string, hop: number) => boolean;

/** TRUST_PROXY ("true", "false", a hop count, or addresses/CIDRs/names like "loopback") as Express reads it. */
export function compileTrust(setting: string): TrustFn {
  if (setting === 'true') return () => true;
  if (setting === 'false') return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_addr, hop) => hop < hops;
  }
  return proxyaddr.compile(
    setting
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The value Express would give as `req.ip`. */
export function clientIp(req: IncomingMessage, trust: TrustFn): string | undefined {
  try {
    return proxyaddr(req, trust);
  } catch {
    return req.socket.remoteAddress;
  }
}

/** True when the client's request was HTTPS (directly, or per X-Forwarded-Proto from a trusted proxy). */
export function isSecureRequest(req: IncomingMessage, trust: TrustFn): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const peer = req.socket.remoteAddress;
  if (!peer || !trust(peer, 0)) return false;
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]!
    .trim()
    .toLowerCase();
  return proto === 'https';
}
