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

/** A markdown table (the README quotes it) with each scenario's ratio to bare Socket.IO, and the goals. */
export function printGoals(rows: ScenarioResult[], sockets: number): void {
  const bare = rows.find((r) => r.scenario === 'bare socket.io');
  const x = (v: number, b: number | undefined) => (b ? `${(v / b).toFixed(2)}x` : '-');
  console.log('');
  console.log(
    '| scenario | sockets | delivered | p50 ms | p99 ms | p50 vs bare socket.io | p99 vs bare socket.io | KB/conn |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.sockets} | ${r.delivered}/${r.expected} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ` +
        `${x(r.p50, bare?.p50)} | ${x(r.p99, bare?.p99)} | ${(r.bytesPerConnection / 1024).toFixed(1)} |`,
    );
  }
  console.log('');
  for (const r of rows.filter((row) => row.scenario.startsWith('product'))) {
    if (bare && sockets <= 3_000) {
      const ok = r.p50 <= 1.3 * bare.p50 && r.p99 <= 1.3 * bare.p99;
      console.log(
        `goal: ${r.scenario} p50 and p99 <= 1.3x bare socket.io: ${x(r.p50, bare.p50)} / ${x(r.p99, bare.p99)}, ${ok ? 'met' : 'NOT met'}`,
      );
    }
    if (sockets >= 5_000) {
      const ok = r.delivered === r.expected && r.p99 < 1_000;
      console.log(
        `goal: ${r.scenario} at ${sockets} sockets every update delivered, p99 < 1 s: ${ok ? 'met' : 'NOT met'}`,
      );
    }
  }
  // KB/conn above is RSS growth, which moves in V8's heap-growth steps (bare Socket.IO reads
  // 24-30 KB by it): the memory goal is judged by socket-memory.ts (heap after GC).
  console.log(
    'memory per idle socket: see scripts/bench/socket-memory.ts (heap after GC; the KB/conn column is RSS growth)',
  );
}
