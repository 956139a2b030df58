// Which browser origins may call the API and open sockets: ALLOWED_ORIGINS, or by default
// the server's own origin. Requests without an Origin header (curl, server-to-server) pass.
import type { IncomingMessage } from 'node:http';

export function isOriginAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === String(host).split(',')[0]!.trim();
  } catch {
    return false;
  }
}
