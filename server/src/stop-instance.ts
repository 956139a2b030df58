// The stop sequence of one serving process (single process or cluster worker):
//   1. /readyz turns 503, so load balancers stop sending new work;
//   2. stop accepting, finish in-flight requests, drain sockets over ~2 s (clients reconnect
//      to other instances and `chat:resume` there);
//   3. let answers still being generated here finish: they keep appending to the shared token
//      stream (Redis) that the resumed clients follow, and are persisted. What is still running
//      close to the deadline is cut off, finishing as "error" (persisted, `chat:done` sent), so
//      no follower waits for a generator that is gone;
//   4. close dependencies (bus, Redis, embedder, database).
import type { Application } from './app.js';
import { closePlatform, type Platform } from './context.js';
import type { Services } from './services.js';

/** Time kept for step 4 and for cut-off answers to record themselves. */
const CLOSE_RESERVE_MS = 2_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settleGenerations(services: Services, until: number): Promise<void> {
  const chat = services.assistant;
  while (chat.activeCount > 0 && Date.now() < until) await sleep(100);
  if (chat.activeCount === 0) return;
  await chat.close();
  const grace = Date.now() + CLOSE_RESERVE_MS / 2;
  while (chat.activeCount > 0 && Date.now() < grace) await sleep(50);
}

export async function stopInstance(
  p: Platform,
  services: Services,
  application: Application,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs - CLOSE_RESERVE_MS;
  services.health.markShuttingDown();
  await application.close();
  await settleGenerations(services, deadline);
  await closePlatform(p);
}
