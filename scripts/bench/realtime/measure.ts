// Numbers for the realtime benchmark: percentiles, a process's resident memory, the table.
import { readFileSync } from 'node:fs';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
  /** The servers' CPU time during the measured broadcasts, per broadcast (the cost, free of queueing noise). */
  cpuPerBroadcastMs: number;
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
    'server CPU ms/update',
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
    r.cpuPerBroadcastMs.toFixed(2),
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

/** The middle value (the lower middle for an even count), by the bench's one percentile. */
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Rounds (`--rounds N`, rows named "<scenario> rK"): each product row's ratio to the bare
 * Socket.IO row of its own round, every round's ratios, and the goals judged on their median.
 */
export function printRounds(rows: ScenarioResult[], sockets: number): void {
  const roundOf = (r: ScenarioResult) => Number(/ r(\d+)$/.exec(r.scenario)?.[1]);
  const baseName = (r: ScenarioResult) => r.scenario.replace(/ r\d+$/, '');
  const bareOf = new Map(rows.filter((r) => baseName(r) === 'bare socket.io').map((r) => [roundOf(r), r]));
  const names = [...new Set(rows.filter((r) => roundOf(r)).map(baseName))];
  const x = (v: number) => `${v.toFixed(2)}x`;
  console.log('');
  console.log(
    '| scenario | rounds | delivered | p50 ms (median) | p99 ms (median) | p50 vs bare, per round | p99 vs bare, per round | p50 / p99 vs bare (median) | server CPU ms/update (median), vs bare |',
  );
  console.log('|---|---:|---:|---:|---:|---|---|---:|---:|');
  const summary: { name: string; p50: number; p99: number; delivered: number; expected: number }[] = [];
  for (const name of names) {
    const mine = rows.filter((r) => baseName(r) === name);
    const paired = mine.filter((r) => bareOf.has(roundOf(r)));
    const p50s = paired.map((r) => r.p50 / bareOf.get(roundOf(r))!.p50);
    const p99s = paired.map((r) => r.p99 / bareOf.get(roundOf(r))!.p99);
    const cpus = paired.map((r) => r.cpuPerBroadcastMs / bareOf.get(roundOf(r))!.cpuPerBroadcastMs);
    const delivered = mine.reduce((s, r) => s + r.delivered, 0);
    const expected = mine.reduce((s, r) => s + r.expected, 0);
    summary.push({ name, p50: median(p50s), p99: median(p99s), delivered, expected });
    console.log(
      `| ${name} | ${mine.length} | ${delivered}/${expected} | ${median(mine.map((r) => r.p50)).toFixed(1)} | ` +
        `${median(mine.map((r) => r.p99)).toFixed(1)} | ${p50s.map(x).join(', ')} | ${p99s.map(x).join(', ')} | ` +
        `${x(median(p50s))} / ${x(median(p99s))} | ${median(mine.map((r) => r.cpuPerBroadcastMs)).toFixed(2)}, ${x(median(cpus))} |`,
    );
  }
  console.log('');
  for (const s of summary.filter((row) => row.name.startsWith('product'))) {
    if (sockets <= 3_000) {
      const ok = s.p50 <= 1.3 && s.p99 <= 1.3;
      console.log(
        `goal: ${s.name} p50 and p99 <= 1.3x bare socket.io (median of rounds): ${x(s.p50)} / ${x(s.p99)}, ${ok ? 'met' : 'NOT met'}`,
      );
    }
    if (sockets >= 5_000) {
      const worst = Math.max(...rows.filter((r) => r.scenario.startsWith(s.name)).map((r) => r.p99));
      const ok = s.delivered === s.expected && worst < 1_000;
      console.log(
        `goal: ${s.name} at ${sockets} sockets every update delivered, p99 < 1 s in every round: ${ok ? 'met' : 'NOT met'}`,
      );
    }
  }
}
