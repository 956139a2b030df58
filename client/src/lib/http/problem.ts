// REST errors as one class: RFC 9457 problem+json bodies from the server, or a synthetic
// problem for network failures and non-JSON answers (status 0 = no response).
import type { ErrorCode, FieldError, Problem } from '@gpu/shared';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfterS?: number,
  ) {
    super(problem.detail ?? problem.title);
  }
  get code(): ErrorCode | 'network' | undefined {
    return this.status === 0 ? 'network' : this.problem.code;
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function networkError(err: unknown): ApiError {
  const detail = err instanceof Error ? err.message : 'Network error';
  return new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, detail });
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && 'title' in v;
}

/** Reads a response: the parsed JSON body when ok (undefined for 204), else throws ApiError. */
export async function readResponse<T>(res: Response): Promise<T> {
  const text = res.status === 204 ? '' : await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (res.ok) return body as T;
  const retry = Number(res.headers.get('Retry-After'));
  const problem: Problem = isProblem(body)
    ? body
    : { type: 'about:blank', title: res.statusText || 'Error', status: res.status };
  throw new ApiError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

export async function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw networkError(err);
  }
  return readResponse<T>(res);
}
