// The product's services, built once from the platform. Each is plain TypeScript with its
// dependencies passed in, so HTTP routes, socket handlers, jobs and tests share them.
import type { InventorySnapshotEvent } from '@gpu/shared';
import type { Platform } from './context.js';
import { TokenService } from './modules/auth/tokens.js';
import { HealthService } from './modules/health/health-service.js';
import { StockService } from './modules/inventory/stock-service.js';
import { inventorySnapshot } from './modules/inventory/snapshot.js';
import { CartService } from './modules/cart/service.js';
import { OrderService } from './modules/orders/service.js';
import { AuthService } from './modules/auth/service.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { RefreshTokenStore } from './modules/auth/refresh-tokens.js';
import { GuestLimits } from './modules/auth/guest-limits.js';
import { GuestService } from './modules/auth/guest-service.js';
import { CatalogService } from './modules/catalog/service.js';
import { MediaService } from './modules/media/service.js';
import { createObjectStore } from './modules/media/create-object-store.js';
import { parseIpAllowlist } from './platform/ip-allowlist.js';
import { createChatService } from './modules/assistant/create-chat-service.js';
import type { ChatService } from './modules/assistant/service.js';
import { InsightsService } from './modules/assistant/insights/service.js';
import { ConversationService } from './modules/conversations/service.js';
import { AdminSeriesService } from './modules/admin-series/service.js';

export interface Services {
  tokens: TokenService;
  stock: StockService;
  cart: CartService;
  orders: OrderService;
  health: HealthService;
  auth: AuthService;
  catalog: CatalogService;
  media: MediaService;
  assistant: ChatService;
  conversations: ConversationService;
  insights: InsightsService;
  guests: GuestService;
  guestLimits: GuestLimits;
  series: AdminSeriesService;
  /** What `/admin` sends on connect: every product's stock, price, state and version. */
  inventorySnapshot: () => Promise<InventorySnapshotEvent>;
}

export function createServices(p: Platform): Services {
  const tokens = new TokenService({
    secret: p.config.JWT_SECRET,
    accessTtlS: p.config.ACCESS_TOKEN_TTL_S,
    guestTtlS: p.config.GUEST_TOKEN_TTL_S,
  });
  const allowlist = parseIpAllowlist(p.config.RATE_LIMIT_ALLOWLIST);
  const guestLimits = new GuestLimits({
    limiter: p.limiter,
    allowlist,
    dailyTokensPerIp: p.config.GUEST_IP_DAILY_TOKEN_BUDGET,
  });
  const stock = new StockService(p.bus);
  const cart = new CartService({ em: () => p.db.orm.em.fork(), bus: p.bus });
  const orders = new OrderService({ em: () => p.db.orm.em.fork(), bus: p.bus, stock });
  const em = () => p.db.orm.em.fork();
  const auth = new AuthService({
    em,
    tokens,
    refreshTokens: new RefreshTokenStore({
      ttlS: p.config.REFRESH_TOKEN_TTL_S,
      successorOf: (token) => tokens.mac('refresh-successor', token),
      graceS: p.config.REFRESH_REUSE_GRACE_S,
    }),
    throttle: new LoginThrottle(p.limiter, allowlist),
    logger: p.logger,
  });
  // S3 when S3_BUCKET is set, else files under UPLOADS_DIR served by this server.
  const objectStore = createObjectStore(p.config);
  const catalog = new CatalogService({
    em,
    cache: p.cache,
    bus: p.bus,
    stock,
    embedder: p.embedder,
    assetUrl: (key) => objectStore.publicUrl(key),
    logger: p.logger,
  });
  catalog.watch(); // stock.changed from checkout (any instance) drops cached listings
  const media = new MediaService({ store: objectStore, catalog, logger: p.logger });
  // Groq (offline fallback) or offline; Redis streams/locks when Redis is configured.
  const assistant = createChatService(p, {
    assetUrl: (key) => objectStore.publicUrl(key),
    cart,
    quota: guestLimits,
  });
  const guests = new GuestService({ em, tokens, limits: guestLimits });
  const conversations = new ConversationService({ em, assetUrl: (key) => objectStore.publicUrl(key) });
  const insights = new InsightsService({ em });
  const series = new AdminSeriesService({ em });
  const health = new HealthService({
    db: p.db,
    redis: p.redis,
    version: p.version,
    instanceId: p.instanceId,
    startedAt: p.startedAt,
    llm: () => assistant.llm,
    embeddings: () => {
      const error = p.embedder.failure?.() ?? null;
      return {
        model: p.embedder.model,
        dim: p.embedder.dim,
        lexical: p.embedder.lexical,
        ...(error ? { status: 'failed' as const, error } : { status: 'ok' as const }),
      };
    },
    storage: () => ({ driver: p.config.S3_BUCKET ? 's3' : 'local' }),
  });
  return {
    tokens,
    stock,
    cart,
    orders,
    health,
    auth,
    catalog,
    media,
    assistant,
    conversations,
    insights,
    guests,
    guestLimits,
    series,
    inventorySnapshot: () => inventorySnapshot(p.db.orm.em.fork()),
  };
}
