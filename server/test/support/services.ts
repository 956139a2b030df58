// Which real services the suites use. With DATABASE_URL / REDIS_URL set (CI), suites run
// against them; REQUIRE_SERVICES=1 turns a missing service into a failure, not a skip.
export const requireServices = process.env.REQUIRE_SERVICES === '1';
export const baseDatabaseUrl = process.env.DATABASE_URL || undefined;
export const baseRedisUrl = process.env.REDIS_URL || undefined;

if (requireServices && !baseDatabaseUrl) throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set');
if (requireServices && !baseRedisUrl) throw new Error('REQUIRE_SERVICES=1 but REDIS_URL is not set');

/** True when Redis-only suites (multi-instance, outages) can run. */
export const hasRedis = Boolean(baseRedisUrl);
