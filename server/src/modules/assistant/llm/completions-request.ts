// The one HTTP request the Groq provider makes: POST <base>/openai/v1/chat/completions with
// `stream: true`, over node:http(s) with a keep-alive agent, answered by the response as a
// Node stream. Measured against fetch (undici) for the same 200 streams of 100 events: fetch
// cost ~1.8 ms more CPU per answer (WHATWG stream reads, several promises per chunk) plus
// its own request set-up, out of ~13 ms for a whole answer; this costs one 'data' per chunk.
// Failures are told apart the way the caller retries them: a status (with its headers, for
// Retry-After), a refused/reset connection, no headers within the timeout, or an abort.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const DEFAULT_LLM_BASE_URL = 'https://api.groq.com';
/** The most of an error body kept for its message. */
const ERROR_BODY_LIMIT = 16 * 1024;

/** The upstream answered with a non-2xx status. */
export class UpstreamStatusError extends Error {
  override name = 'UpstreamStatusError';
  constructor(
    readonly status: number,
    readonly headers: IncomingMessage['headers'],
    message: string,
  ) {
    super(message);
  }
}

/** The connection failed (refused, reset, DNS) before any response. */
export class UpstreamConnectionError extends Error {
  override name = 'UpstreamConnectionError';
}

/** No response headers within the timeout. */
export class UpstreamTimeoutError extends Error {
  override name = 'UpstreamTimeoutError';
}

export interface CompletionsRequestOptions {
  apiKey: string;
  baseURL?: string;
  /** Until the response headers; the body's silences are the caller's stall timer. */
  timeoutMs: number;
}

export class CompletionsRequest {
  private readonly url: URL;
  private readonly agent: HttpAgent;
  private readonly send: typeof httpRequest;

  constructor(private readonly opts: CompletionsRequestOptions) {
    const base = opts.baseURL ?? DEFAULT_LLM_BASE_URL;
    this.url = new URL('openai/v1/chat/completions', base.endsWith('/') ? base : `${base}/`);
    const https = this.url.protocol === 'https:';
    // One pool per provider: a turn's rounds and the next turns reuse warm connections; an idle
    // one is closed after 5 s, as Node's global agent does (a reused one the server had closed
    // fails as a connection error, which the provider retries once).
    const agentOptions = { keepAlive: true, timeout: 5_000 };
    this.agent = https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.send = https ? httpsRequest : httpRequest;
  }

  /** Resolves with the 2xx response, its body unread; rejects with one of the errors above,
   * or the signal's reason. Aborting later destroys the response (ends the upstream request). */
  open(body: object, signal: AbortSignal): Promise<IncomingMessage> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        req.destroy();
        reject(err);
      };
      const onAbort = () => {
        if (!settled) return fail(signal.reason as Error);
        req.destroy();
      };
      const req = this.send(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          authorization: `Bearer ${this.opts.apiKey}`,
          'content-type': 'application/json',
          'content-length': payload.length,
          accept: 'text/event-stream',
        },
      });
      const timer = setTimeout(
        () => fail(new UpstreamTimeoutError(`no response from the LLM within ${this.opts.timeoutMs} ms`)),
        this.opts.timeoutMs,
      );
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) =>
        fail(signal.aborted ? (signal.reason as Error) : new UpstreamConnectionError(err.message)),
      );
      req.on('response', (res) => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          settled = true;
          // The listener stays: an abort during the body destroys the request and its response.
          res.once('close', () => signal.removeEventListener('abort', onAbort));
          return resolve(res);
        }
        readErrorBody(res).then(
          (text) => fail(new UpstreamStatusError(status, res.headers, `${status} ${errorMessage(text)}`)),
          (err: Error) => fail(new UpstreamStatusError(status, res.headers, `${status} ${err.message}`)),
        );
      });
      req.end(payload);
    });
  }
}

function readErrorBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (s: string) => {
      if (text.length < ERROR_BODY_LIMIT) text += s;
    });
    res.on('end', () => resolve(text.slice(0, ERROR_BODY_LIMIT)));
    res.on('error', reject);
  });
}

/** The `message` of an API error object (`{error: {...}}` in an error body or a stream event). */
export function apiErrorMessage(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message.slice(0, 200) : undefined;
}

/** The API's `{error: {message}}`, else the body's start. */
function errorMessage(text: string): string {
  try {
    const message = apiErrorMessage((JSON.parse(text) as { error?: unknown }).error);
    if (message) return message;
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 200) || 'status code (no body)';
}
