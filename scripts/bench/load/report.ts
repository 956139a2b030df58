// Numbers for the load benchmark: percentiles, resident memory of a process, and the printout.
import { readFileSync } from 'node:fs';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : `${v.toFixed(v < 10 ? 1 : 0)} ms`);

export function latencyLine(name: string, values: number[]): string {
  return `${name.padEnd(34)} n=${String(values.length).padStart(7)}  p50 ${ms(percentile(values, 50)).padStart(8)}  p95 ${ms(
    percentile(values, 95),
  ).padStart(8)}  p99 ${ms(percentile(values, 99)).padStart(8)}  max ${ms(percentile(values, 100)).padStart(8)}`;
}

export interface InstanceMemory {
  name: string;
  idle: number;
  withSockets: number;
  peak: number;
  sockets: number;
  heapIdle: number;
  heapWithSockets: number;
}

export function memoryLines(instances: InstanceMemory[]): string[] {
  return instances.map((m) => {
    const per = (a: number, b: number) => (m.sockets ? (Math.max(0, b - a) / m.sockets / 1024).toFixed(1) : 'n/a');
    return (
      `${m.name.padEnd(12)} RSS idle ${mb(m.idle).padStart(7)}  with ${String(m.sockets).padStart(5)} sockets ` +
      `${mb(m.withSockets).padStart(7)}  peak under load ${mb(m.peak).padStart(7)}  ` +
      `=> per socket: ${per(m.idle, m.withSockets)} KB RSS, ${per(m.heapIdle, m.heapWithSockets)} KB heap+external`
    );
  });
}
