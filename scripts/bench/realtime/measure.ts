// Numbers for the realtime benchmark: percentiles, a process's resident memory, the table.
import { readFileSync } from 'node:fs';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

export interface ScenarioResult {
  scenario: string;
  sockets: number;
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  bytesPerConnection: number;
  /** Median time for the trigger request itself to be answered. */
  triggerP50: number;
}

export function printTable(rows: ScenarioResult[]): void {
  const header = [
    'scenario',
    'sockets',
    'delivered',
    'p50 ms',
    'p99 ms',
    'max ms',
    'msgs/s',
    'KB/conn',
    'trigger p50 ms',
  ];
  const body = rows.map((r) => [
    r.scenario,
    String(r.sockets),
    `${r.delivered}/${r.expected}`,
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.max.toFixed(1),
    Math.round(r.perSecond).toLocaleString('en-US'),
    (r.bytesPerConnection / 1024).toFixed(1),
    r.triggerP50.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}
