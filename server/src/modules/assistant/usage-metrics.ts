// Prometheus accounting for one finished generation: time to first token, tokens by kind,
// tokens per second, outcome, grounding verdict.
import type { FinishReason, Grounding } from '@gpu/shared';
import {
  groundingChecks,
  llmRequests,
  llmTimeToFirstToken,
  llmTokens,
  llmTokensPerSecond,
} from '../../platform/metrics.js';
import type { LlmUsage } from './llm/provider.js';

export function recordGenerationMetrics(m: {
  provider: string;
  model: string;
  usage: LlmUsage;
  ttftMs: number | null;
  firstTokenAt: number | null;
  endedAt: number;
  finishReason: FinishReason;
  grounding: Grounding | undefined;
}): void {
  const { provider, model } = m;
  if (m.ttftMs !== null) llmTimeToFirstToken.observe({ provider, model }, m.ttftMs / 1000);
  llmTokens.inc({ provider, model, kind: 'prompt' }, m.usage.promptTokens);
  llmTokens.inc({ provider, model, kind: 'completion' }, m.usage.completionTokens);
  if (m.firstTokenAt !== null && m.endedAt > m.firstTokenAt && m.usage.completionTokens > 0) {
    llmTokensPerSecond.observe({ provider }, m.usage.completionTokens / ((m.endedAt - m.firstTokenAt) / 1000));
  }
  llmRequests.inc({ provider, outcome: m.finishReason });
  if (m.grounding) groundingChecks.inc({ result: m.grounding.ok ? 'pass' : 'fail' });
}
