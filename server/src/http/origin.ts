// Which browser origins may call the API and open sockets. An origin is compared whole:
// scheme, host and port (default ports folded), against ALLOWED_ORIGINS; only when that is
// empty, against the server's own origin as this request reached it. X-Forwarded-Host and
// X-Forwarded-Proto count only from a trusted proxy (TRUST_PROXY), so a client cannot name
// itself the server. Requests without an Origin header (curl, server-to-server) pass.
import type { IncomingMessage } from 'node:http';
import { isSecureRequest, type TrustFn } from './client-ip.js';

/** "https://Shop.Example:443/" -> "https://shop.example"; null when it is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export interface OriginPolicy {
  isAllowed(req: IncomingMessage): boolean;
}

export function originPolicy(allowedOrigins: string[], trust: TrustFn): OriginPolicy {
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.map(normalizeOrigin).filter((o): o is string => o !== null));
  const ownOrigin = (req: IncomingMessage): string | null => {
    const peer = req.socket.remoteAddress;
    const forwarded = peer && trust(peer, 0) ? req.headers['x-forwarded-host'] : undefined;
    const host = String(forwarded ?? req.headers.host ?? '')
      .split(',')[0]!
      .trim();
    if (!host) return null;
    return normalizeOrigin(`${isSecureRequest(req, trust) ? 'https' : 'http'}://${host}`);
  };
  return {
    isAllowed(req) {
      const origin = req.headers.origin;
      if (!origin) return true;
      if (any) return true;
      const normalized = normalizeOrigin(origin);
      if (!normalized) return false;
      if (allowed.size > 0) return allowed.has(normalized);
      return normalized === ownOrigin(req);
    },
  };
}
