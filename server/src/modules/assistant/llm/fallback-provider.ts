// Never hang on a broken LLM: when the primary provider fails before its first token
// (LlmUnavailableError: bad key, 5xx after the retry, unreachable), the answer comes from
// the fallback (the offline responder). After the first token, errors are the caller's.
import type { Logger } from '../../../platform/logger.js';
import { llmRequests } from '../../../platform/metrics.js';
import { LlmUnavailableError, type LlmProvider, type LlmRequest, type LlmStream } from './provider.js';

export interface ServedStream extends LlmStream {
  /** The provider that actually produced the text. */
  servedBy(): { provider: string; model: string };
}

export class FallbackProvider implements LlmProvider {
  constructor(
    readonly primary: LlmProvider,
    readonly fallback: LlmProvider,
    private readonly logger: Logger,
  ) {}

  get name(): string {
    return this.primary.name;
  }
  get model(): string {
    return this.primary.model;
  }

  stream(req: LlmRequest): ServedStream {
    let active: LlmStream | undefined;
    let served: LlmProvider = this.primary;
    const { primary, fallback, logger } = this;
    return {
      usage: () => active?.usage() ?? null,
      truncated: () => active?.truncated?.() ?? false,
      servedBy: () => ({ provider: served.name, model: served.model }),
      async *[Symbol.asyncIterator]() {
        active = primary.stream(req);
        let yielded = false;
        try {
          for await (const chunk of active) {
            yielded = true;
            yield chunk;
          }
          return;
        } catch (err) {
          if (yielded || !(err instanceof LlmUnavailableError)) throw err;
          logger.warn({ provider: primary.name, err: err.message }, 'LLM unavailable; answering offline');
          llmRequests.inc({ provider: primary.name, outcome: 'fallback' });
        }
        served = fallback;
        active = fallback.stream(req);
        yield* active;
      },
    };
  }
}

/** Wraps a lone provider so callers can always ask who served the answer. */
export function served(provider: LlmProvider, req: LlmRequest): ServedStream {
  if (provider instanceof FallbackProvider) return provider.stream(req);
  const s = provider.stream(req);
  return Object.assign(s, { servedBy: () => ({ provider: provider.name, model: provider.model }) });
}
