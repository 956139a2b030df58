// The one fetch wrapper for the REST API: JSON in and out, bearer token, problem+json
// errors as ApiError, and a silent refresh-and-retry when the access token was refused.
import { ApiError, networkError, readResponse } from './http/problem.js';
import { accessToken, freshAccessToken, refreshSession } from './stores/session.svelte.js';

export { ApiError };

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: ApiOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, opts: ApiOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  try {
    return await fetch(withQuery(path, opts.query), {
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError(err);
  }
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const token = await freshAccessToken();
  let res = await send(path, opts, token);
  // The token may have expired or been rotated by another tab: refresh once and retry.
  if (res.status === 401 && token) {
    const refreshed = (await refreshSession()) || accessToken() !== token;
    if (refreshed && accessToken()) res = await send(path, opts, accessToken());
  }
  return readResponse<T>(res);
}
