// Server health for the header indicator: GET /health now and every 30 s.
import type { Health } from '@gpu/shared';
import { api } from '../api.js';

class HealthStore {
  report = $state<Health | null>(null);
  failed = $state(false);
}
export const health = new HealthStore();

async function poll(): Promise<void> {
  try {
    health.report = await api<Health>('/health');
    health.failed = false;
  } catch {
    health.failed = true;
  }
}

let timer: ReturnType<typeof setInterval> | undefined;
export function initHealth(): void {
  if (timer) return;
  void poll();
  timer = setInterval(() => void poll(), 30_000);
}
