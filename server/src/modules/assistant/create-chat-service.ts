// Builds the assistant from the platform, choosing each dependency once from config:
// the Groq planner (the offline planner answers when it is down) or the offline planner
// alone; the tools over the catalog and cart services; message streams and generation locks
// in Redis (REDIS_URL or REDIS_CLUSTER_NODES; always with WORKERS > 1) or in memory.
import type { Language } from '@gpu/shared';
import type { Config } from '../../config.js';
import type { Platform } from '../../platform-types.js';
import type { Logger } from '../../platform/logger.js';
import { ChatRepository } from './chat-repository.js';
import type { CartService } from '../cart/service.js';
import { GroqProvider } from './llm/groq-provider.js';
import { LlmPlanner } from './planner/llm-planner.js';
import { OfflinePlanner } from './planner/offline-planner.js';
import { toGpu, type AssetUrl, type ProductRow } from './retrieval/product-row.js';
import { createTools, toolDefinitions } from './tools/registry.js';
import type { ProductReader } from './tools/tool.js';
import { ProductRetriever } from './retrieval/retriever.js';
import { ChatService, type ChatQuota } from './service.js';
import { MemoryGenerationLocks, RedisGenerationLocks } from './streaming/generation-locks.js';
import { MemoryStreamStore } from './streaming/memory-stream-store.js';
import { RedisStreamStore } from './streaming/redis-stream-store.js';
import { RedisAnswerLeases } from './streaming/answer-leases.js';
import { OrphanSweeper } from './streaming/orphan-sweeper.js';

/** Groq when GROQ_API_KEY is set; null means the offline planner answers alone. */
export function createGroqProvider(
  config: Pick<Config, 'GROQ_API_KEY' | 'LLM_MODEL' | 'LLM_BASE_URL' | 'LLM_TIMEOUT_MS'>,
  logger: Logger,
): GroqProvider | null {
  if (!config.GROQ_API_KEY) return null;
  return new GroqProvider({
    apiKey: config.GROQ_API_KEY,
    model: config.LLM_MODEL,
    baseURL: config.LLM_BASE_URL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
  });
}

export function createChatService(
  p: Platform,
  deps: { assetUrl: AssetUrl; cart: CartService; quota?: ChatQuota },
): ChatService {
  const em = () => p.db.orm.em.fork();
  const repo = new ChatRepository(em);
  const asGpu = (row: ProductRow, language: Language) => toGpu(row, deps.assetUrl, language);
  const products: ProductReader = async (ids, language = 'es') =>
    (await repo.products(ids)).map((row) => asGpu(row, language));
  const retriever = new ProductRetriever({ em, embedder: p.embedder, logger: p.logger });
  const tools = createTools({ retriever, products, cart: deps.cart, toGpu: asGpu });
  const groq = createGroqProvider(p.config, p.logger);
  const store =
    p.redis && p.redisConnections
      ? new RedisStreamStore(p.redis, p.redisConnections, p.logger)
      : new MemoryStreamStore();
  const locks = p.redis ? new RedisGenerationLocks(p.redis) : new MemoryGenerationLocks();
  // Answers hold leases in Redis; one instance at a time finishes those whose instance died.
  const leases = p.redis ? new RedisAnswerLeases(p.redis, p.instanceId, p.logger) : undefined;
  if (p.redis) new OrphanSweeper({ redis: p.redis, em, store, locks, instanceId: p.instanceId, logger: p.logger });
  return new ChatService({
    llm: groq ? new LlmPlanner(groq, toolDefinitions(tools), p.logger) : null,
    offline: new OfflinePlanner(),
    tools,
    products,
    store,
    repo,
    logger: p.logger,
    locks,
    limiter: p.limiter,
    bus: p.bus,
    dailyTokenBudget: p.config.CHAT_DAILY_TOKEN_BUDGET,
    quota: deps.quota,
    leases,
  });
}
