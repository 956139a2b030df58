// The offline grounded responder: no network, no key. Writes the answer from the facts
// (offline-answer.ts) and streams it word by word with a small delay, like a model would.
import { composeOfflineAnswer } from './offline-answer.js';
import {
  estimatePromptTokens,
  estimateTokens,
  type LlmProvider,
  type LlmRequest,
  type LlmStream,
  type LlmUsage,
} from './provider.js';

export const OFFLINE_MODEL = 'offline-grounded-v1';

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export class OfflineProvider implements LlmProvider {
  readonly name = 'offline';
  readonly model = OFFLINE_MODEL;

  constructor(private readonly opts: { wordDelayMs?: number } = {}) {}

  stream(req: LlmRequest): LlmStream {
    let usage: LlmUsage | null = null;
    const delay = this.opts.wordDelayMs ?? 12;
    return {
      usage: () => usage,
      async *[Symbol.asyncIterator]() {
        const text = composeOfflineAnswer(req.facts);
        let sent = '';
        try {
          // Words with their trailing whitespace, so the chunks concatenate to the text.
          for (const word of text.match(/\S+\s*/g) ?? []) {
            if (delay > 0) await abortableSleep(delay, req.signal);
            else if (req.signal.aborted) throw req.signal.reason;
            sent += word;
            yield word;
          }
        } finally {
          usage = {
            promptTokens: estimatePromptTokens(req.messages),
            completionTokens: estimateTokens(sent),
            estimated: true,
          };
        }
      },
    };
  }
}
