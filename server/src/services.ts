// The product's services, built once from the platform. Each is plain TypeScript with its
// dependencies passed in, so HTTP routes, socket handlers, jobs and tests share them.
import type { Platform } from './context.js';
import { TokenService } from './modules/auth/tokens.js';
import { HealthService } from './modules/health/health-service.js';
import { StockService } from './modules/inventory/stock-service.js';

export interface Services {
  tokens: TokenService;
  stock: StockService;
  health: HealthService;
}

export function createServices(p: Platform): Services {
  const tokens = new TokenService({ secret: p.config.JWT_SECRET, accessTtlS: p.config.ACCESS_TOKEN_TTL_S });
  const stock = new StockService(p.bus);
  const health = new HealthService({
    db: p.db,
    redis: p.redis,
    version: p.version,
    instanceId: p.instanceId,
    startedAt: p.startedAt,
    llm: () => ({
      provider: p.config.GROQ_API_KEY ? 'groq' : 'offline',
      model: p.config.GROQ_API_KEY ? p.config.LLM_MODEL : 'offline-grounded-v1',
    }),
    embeddings: () => ({ model: p.embedder.model, dim: p.embedder.dim, lexical: p.embedder.lexical }),
    storage: () => ({ driver: p.config.S3_BUCKET ? 's3' : 'local' }),
  });
  return { tokens, stock, health };
}
