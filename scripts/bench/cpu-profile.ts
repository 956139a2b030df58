// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: self time by
// package (node_modules/<name>, our server/src, node internals), the top functions by self
// time, and inclusive time of chosen frames. `--last-s N` keeps only the last N seconds of
// samples (the case under load, not start-up).
//
//   npx tsx scripts/bench/cpu-profile.ts /tmp/prof/CPU...cpuprofile [--last-s 5] [--top 25]
import { parseArgs } from 'node:util';
import { readProfile } from './cpu-profile-file.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'last-s': { type: 'string' }, top: { type: 'string', default: '25' } },
});
const { profile, byId, parentOf: parent } = readProfile(positionals[0]!);

// Sample times, then the window.
const times: number[] = [];
let t = 0;
for (const d of profile.timeDeltas) times.push((t += d));
const end = times[times.length - 1] ?? 0;
const from = args['last-s'] ? end - Number(args['last-s']) * 1e6 : -Infinity;

function packageOf(url: string): string {
  if (!url) return '(native/gc/idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node internals';
  const src = /\/(server|shared|scripts)\/src\//.exec(url) ?? /\/(scripts)\//.exec(url);
  return src ? `ours: ${src[1]}` : url;
}

const selfByPkg = new Map<string, number>();
const selfByFn = new Map<string, number>();
const inclusiveByPkg = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i]! < from) continue;
  const node = byId.get(profile.samples[i]!)!;
  const name = node.callFrame.functionName || '(anonymous)';
  if (name === '(idle)' || name === '(program)') continue;
  total++;
  const pkg = packageOf(node.callFrame.url);
  selfByPkg.set(pkg, (selfByPkg.get(pkg) ?? 0) + 1);
  const fn = `${name} ${pkg}:${node.callFrame.lineNumber + 1}`;
  selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + 1);
  // Inclusive: each package counted once per sample on the stack.
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const p = packageOf(byId.get(id)!.callFrame.url);
    if (!seen.has(p)) {
      seen.add(p);
      inclusiveByPkg.set(p, (inclusiveByPkg.get(p) ?? 0) + 1);
    }
  }
}

const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
const top = Number(args.top);
console.log(`${total} busy samples${args['last-s'] ? ` in the last ${args['last-s']} s` : ''}\n`);
console.log('| package | self | inclusive |\n|---|---:|---:|');
for (const [p, n] of [...selfByPkg].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`| ${p} | ${pct(n)} | ${pct(inclusiveByPkg.get(p) ?? 0)} |`);
console.log('\n| function | self |\n|---|---:|');
for (const [f, n] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${f} | ${pct(n)} |`);
