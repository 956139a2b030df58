// Where to go after signing in: ?next= when it is a path on this site, else home.
import type { Pathname } from '$app/types';

export function safeNext(params: URLSearchParams): Pathname {
  const next = params.get('next');
  const ok = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  // Checked above to be a same-site path; the router shows its 404 page for unknown ones.
  return (ok ? next : '/') as Pathname;
}
