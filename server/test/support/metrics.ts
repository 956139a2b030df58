// One Prometheus sample read the way an operator's scraper reads it: GET /metrics on the
// app, the line of `name` whose labels include `labels` (in the exposition's label order).
import { api } from './http.js';

/** The sample's value, or 0 while the series does not exist yet. */
export async function metricValue(baseUrl: string, name: string, labels: string): Promise<number> {
  const text = (await api<string>(baseUrl, '/metrics')).body;
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}
