// Builds the assistant from the platform, choosing each dependency once from config:
// Groq (with the offline responder as fallback) or offline alone; message streams and
// generation locks in Redis (REDIS_URL), in the cluster primary (WORKERS > 1 without
// Redis), or in memory.
import type { Config } from '../../config.js';
import type { Platform } from '../../context.js';
import type { Logger } from '../../platform/logger.js';
import { ChatRepository } from './chat-repository.js';
import { FallbackProvider } from './llm/fallback-provider.js';
import { GroqProvider } from './llm/groq-provider.js';
import { OfflineProvider } from './llm/offline-provider.js';
import type { LlmProvider } from './llm/provider.js';
import type { AssetUrl } from './retrieval/product-row.js';
import { ProductRetriever } from './retrieval/retriever.js';
import { ChatService } from './service.js';
import { MemoryGenerationLocks, RedisGenerationLocks } from './streaming/generation-locks.js';
import { MemoryStreamStore } from './streaming/memory-stream-store.js';
import { RedisStreamStore } from './streaming/redis-stream-store.js';
import { ClusterGenerationLocks, ClusterStreamStore } from '../../cluster/shared-state.js';

export function createLlmProvider(
  config: Pick<Config, 'GROQ_API_KEY' | 'LLM_MODEL' | 'LLM_BASE_URL' | 'LLM_TIMEOUT_MS'>,
  logger: Logger,
): LlmProvider {
  const offline = new OfflineProvider();
  if (!config.GROQ_API_KEY) return offline;
  const groq = new GroqProvider({
    apiKey: config.GROQ_API_KEY,
    model: config.LLM_MODEL,
    baseURL: config.LLM_BASE_URL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
  });
  return new FallbackProvider(groq, offline, logger);
}

export function createChatService(p: Platform, assetUrl: AssetUrl): ChatService {
  const em = () => p.db.orm.em.fork();
  const repo = new ChatRepository(em);
  // Cluster workers without Redis share the primary's in-memory streams and locks (IPC).
  const store =
    p.redis && p.newRedis
      ? new RedisStreamStore(p.redis, p.newRedis, p.logger)
      : p.cluster
        ? new ClusterStreamStore(p.cluster)
        : new MemoryStreamStore();
  const locks = p.redis
    ? new RedisGenerationLocks(p.redis)
    : p.cluster
      ? new ClusterGenerationLocks(p.cluster)
      : new MemoryGenerationLocks();
  return new ChatService({
    retriever: new ProductRetriever({ em, embedder: p.embedder, logger: p.logger }),
    provider: createLlmProvider(p.config, p.logger),
    store,
    repo,
    assetUrl,
    logger: p.logger,
    locks,
    limiter: p.limiter,
    bus: p.bus,
    dailyTokenBudget: p.config.CHAT_DAILY_TOKEN_BUDGET,
  });
}
