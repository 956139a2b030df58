// Which objects grew between two V8 heap snapshots, by constructor/name, in bytes (self size)
// and count. Used with socket-memory.ts --heap-snapshots to see what a socket costs:
//
//   npx tsx scripts/bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [--per 1000] [--top 40]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { per: { type: 'string', default: '1' }, top: { type: 'string', default: '40' } },
});
const [beforeFile, afterFile] = positionals;
if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts before.heapsnapshot after.heapsnapshot');

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** bytes and count per "type:name" (closures keep their function name, strings are grouped). */
function tally(file: string): Map<string, { bytes: number; count: number }> {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [t, n, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const out = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < s.nodes.length; i += fields.length) {
    const type = types[s.nodes[i + t]!]!;
    const raw = s.strings[s.nodes[i + n]!] ?? '';
    const name =
      type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : raw.slice(0, 60);
    const key = `${type}:${name}`;
    const e = out.get(key) ?? { bytes: 0, count: 0 };
    e.bytes += s.nodes[i + size]!;
    e.count += 1;
    out.set(key, e);
  }
  return out;
}

const before = tally(beforeFile);
const after = tally(afterFile);
const per = Number(opts.per);
const rows = [...after].map(([key, a]) => {
  const b = before.get(key) ?? { bytes: 0, count: 0 };
  return { key, bytes: (a.bytes - b.bytes) / per, count: (a.count - b.count) / per };
});
rows.sort((x, y) => y.bytes - x.bytes);
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
console.log(`total growth: ${(total / 1024).toFixed(2)} KB${per > 1 ? ` per 1/${per}` : ''}\n`);
console.log('| object | bytes | count |\n|---|---:|---:|');
for (const r of rows.slice(0, Number(opts.top)))
  console.log(`| ${r.key} | ${r.bytes.toFixed(0)} | ${r.count.toFixed(2)} |`);
