// Every Prometheus metric the product exports, defined once. Names are part of the
// operations contract (Grafana dashboard and alerts in helm/), so change them together.
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const registers = [registry];

export const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route template, method and status',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const httpErrors = new client.Counter({
  name: 'http_errors_total',
  help: 'HTTP error responses by status and error code',
  labelNames: ['status_code', 'code'] as const,
  registers,
});

export const socketClients = new client.Gauge({
  name: 'socketio_connected_clients',
  help: 'Connected Socket.IO clients on this instance',
  labelNames: ['namespace'] as const,
  registers,
});

export const socketEvents = new client.Counter({
  name: 'socketio_events_total',
  help: 'Socket.IO events received',
  labelNames: ['event', 'namespace'] as const,
  registers,
});

export const socketRejections = new client.Counter({
  name: 'socketio_rejections_total',
  help: 'Socket handshakes or events refused (auth, origin, rate limit, payload), and handshakes the client left before they finished',
  labelNames: ['reason'] as const,
  registers,
});

export const activeGenerations = new client.Gauge({
  name: 'chat_active_generations',
  help: 'Assistant answers being generated on this instance',
  registers,
});

export const llmTimeToFirstToken = new client.Histogram({
  name: 'llm_time_to_first_token_seconds',
  help: 'Time from chat:send to the first streamed token',
  labelNames: ['provider', 'model'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20],
  registers,
});

export const llmTokens = new client.Counter({
  name: 'llm_tokens_total',
  help: 'LLM tokens by provider, model and kind (prompt|completion)',
  labelNames: ['provider', 'model', 'kind'] as const,
  registers,
});

export const llmTokensPerSecond = new client.Histogram({
  name: 'llm_tokens_per_second',
  help: 'Completion tokens per second of a streamed answer',
  labelNames: ['provider'] as const,
  buckets: [5, 10, 25, 50, 100, 200, 400, 800, 1600],
  registers,
});

export const llmRequests = new client.Counter({
  name: 'llm_requests_total',
  help: 'LLM generations by provider and outcome',
  labelNames: ['provider', 'outcome'] as const,
  registers,
});

export const groundingChecks = new client.Counter({
  name: 'llm_grounding_checks_total',
  help: 'Post-stream grounding verdicts',
  labelNames: ['result'] as const,
  registers,
});

export const retrievalDuration = new client.Histogram({
  name: 'retrieval_duration_seconds',
  help: 'Product retrieval (filters + vector + full-text fusion) duration',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers,
});

export const retrievalDegraded = new client.Counter({
  name: 'retrieval_degraded_total',
  help: 'Searches answered by full-text alone because the query could not be embedded',
  labelNames: ['reason'] as const,
  registers,
});

export const retrievalResults = new client.Histogram({
  name: 'retrieval_results',
  help: 'Products returned by retrieval',
  buckets: [0, 1, 2, 3, 5, 8, 13],
  registers,
});

export const checkouts = new client.Counter({
  name: 'checkout_total',
  help: 'Checkout attempts by outcome',
  labelNames: ['outcome'] as const,
  registers,
});

export const stockChanges = new client.Counter({
  name: 'stock_changes_total',
  help: 'Stock changes by reason',
  labelNames: ['reason'] as const,
  registers,
});

export const redisUp = new client.Gauge({
  name: 'redis_up',
  help: '1 when Redis answers (or is not configured), 0 when it is down',
  registers,
});

export const cacheLookups = new client.Counter({
  name: 'cache_lookups_total',
  help: 'Catalog cache lookups by result',
  labelNames: ['result'] as const,
  registers,
});

export const catalogListingLookups = new client.Counter({
  name: 'catalog_listing_lookups_total',
  help: "GET /api/gpus pages: served from the instance's bytes (hit) or read from the database (miss)",
  labelNames: ['result'] as const,
  registers,
});

export const catalogProductJson = new client.Counter({
  name: 'catalog_product_json_total',
  help: "Products on listing pages read from the database: JSON kept from the row's version (kept) or built",
  labelNames: ['result'] as const,
  registers,
});

export const rateLimitHits = new client.Counter({
  name: 'rate_limit_hits_total',
  help: 'Requests or events refused by a rate limiter',
  labelNames: ['limiter'] as const,
  registers,
});

export const inputRejections = new client.Counter({
  name: 'input_rejections_total',
  help: 'Client input refused before reaching a service (control characters), by surface',
  labelNames: ['surface', 'reason'] as const,
  registers,
});

export const authEvents = new client.Counter({
  name: 'auth_events_total',
  help: 'Account and session events (register, login, refresh, logout) by outcome',
  labelNames: ['event', 'outcome'] as const,
  registers,
});

export const imageUploads = new client.Counter({
  name: 'image_uploads_total',
  help: 'Product image uploads by object store and outcome',
  labelNames: ['store', 'outcome'] as const,
  registers,
});

export const embeddingBatchTexts = new client.Histogram({
  name: 'embedding_batch_texts',
  help: 'Texts per call to the embedding worker (concurrent requests are coalesced into one call)',
  labelNames: ['model'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64, 128],
  registers,
});

export const embeddingDuration = new client.Histogram({
  name: 'embedding_duration_seconds',
  help: 'One embedding worker call (tokenize, forward, pool), waiting in the queue excluded',
  labelNames: ['model'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

/**
 * What GET /metrics serves: this process's registry. With WORKERS > 1 the primary also
 * serves the sum over its workers on METRICS_PORT (cluster/primary.ts).
 */
export const exposedMetrics = (): Promise<string> => registry.metrics();

export const unhandledRejections = new client.Counter({
  name: 'process_unhandled_rejections_total',
  help: 'Promise rejections nobody handled (logged; each one is a bug to fix)',
  registers,
});

export const assistantToolCalls = new client.Counter({
  name: 'assistant_tool_calls_total',
  help: 'Assistant tool calls by tool and outcome (ok|error|invalid_arguments|unknown_tool)',
  labelNames: ['tool', 'outcome', 'planner'] as const,
  registers,
});

export const assistantToolDuration = new client.Histogram({
  name: 'assistant_tool_duration_seconds',
  help: 'Assistant tool call duration',
  labelNames: ['tool'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

export const assistantTurns = new client.Counter({
  name: 'assistant_turns_total',
  help: 'Answered turns by planner (llm|offline) and what the turn was (search, compare, cart, clarify, ...)',
  labelNames: ['planner', 'kind'] as const,
  registers,
});

export const assistantToolRounds = new client.Histogram({
  name: 'assistant_tool_rounds',
  help: 'LLM tool-calling rounds per answer',
  buckets: [0, 1, 2, 3, 4, 5],
  registers,
});

export const slowConsumers = new client.Counter({
  name: 'socketio_slow_consumer_total',
  help: 'Sockets behind on their output: stock updates held to the latest value (latest_only), or the socket closed (dropped)',
  labelNames: ['action'] as const,
  registers,
});
