// Where a loaded event loop's long stretches go: reads a V8 .cpuprofile, finds the runs of
// consecutive non-idle samples (a loop that never went idle: one long task, or many callbacks
// of one saturated poll phase, both delay every timer) longer than --min-ms inside a window,
// and prints what they spent their time in (inclusive share per function), then the longest.
//
//   npx tsx scripts/bench/busy-stretches.ts CPU.x.cpuprofile [--from-end-s 3.2] [--to-end-s 0.2]
//       [--min-ms 15] [--top 50]
//
// The window is counted back from the profile's end, so a load run that ends the server's
// life (scripts/bench/assistant.ts --part load) is analysed without its start-up.
import { parseArgs } from 'node:util';
import { readProfile, type ProfileNode } from './cpu-profile-file.js';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'from-end-s': { type: 'string', default: '1e9' },
    'to-end-s': { type: 'string', default: '0' },
    'min-ms': { type: 'string', default: '20' },
    top: { type: 'string', default: '50' },
  },
});
if (!positionals[0]) throw new Error('usage: busy-stretches.ts profile.cpuprofile [options]');

const { profile, byId, parentOf } = readProfile(positionals[0]);
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url
    .replace(/.*node_modules\//, '')
    .replace(/.*\/server\/src\//, 'src/')}:${n.callFrame.lineNumber}`;

interface Stretch {
  start: number;
  end: number;
  samples: number[];
}
const stretches: Stretch[] = [];
let now = profile.startTime;
let current: Stretch | undefined;
profile.samples.forEach((sample, i) => {
  now += profile.timeDeltas[i]!;
  if (byId.get(sample)!.callFrame.functionName === '(idle)') {
    if (current) stretches.push(current);
    current = undefined;
    return;
  }
  current ??= { start: now, end: now, samples: [] };
  current.samples.push(sample);
  current.end = now;
});
const end = now;
const from = end - Number(opts['from-end-s']) * 1e6;
const to = end - Number(opts['to-end-s']) * 1e6;
const long = stretches
  .filter((s) => s.start >= from && s.end <= to && s.end - s.start > Number(opts['min-ms']) * 1000)
  .sort((a, b) => b.end - b.start - (a.end - a.start));
const inWindow = stretches.filter((s) => s.start >= from && s.end <= to);
const ms = (us: number) => (us / 1000).toFixed(1);
console.log(
  `profile ${(end - profile.startTime) / 1e6} s; window: ${inWindow.length} busy stretches, ` +
    `${long.length} over ${opts['min-ms']} ms (${ms(long.reduce((s, x) => s + x.end - x.start, 0))} ms in all)\n`,
);

const inclusive = new Map<string, number>();
let total = 0;
for (const stretch of long) {
  for (const sample of stretch.samples) {
    total++;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) {
      const key = label(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
  }
}
console.log('| function (inclusive, in the long stretches) | share |\n|---|---:|');
for (const [key, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top))) {
  if (key.startsWith('(root)')) continue;
  console.log(`| ${key} | ${((100 * n) / Math.max(1, total)).toFixed(1)}% |`);
}
console.log('\nlongest:');
for (const s of long.slice(0, 8))
  console.log(`  ${ms(s.end - s.start)} ms, ${((end - s.start) / 1e6).toFixed(2)} s before the end`);
