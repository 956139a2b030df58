// `npm run eval`: the conversation evaluation. Starts the product on its embedded defaults,
// holds every conversation over Socket.IO as a real shopper would, checks each turn (its own
// expectations plus language, grounding and a clean finish) and prints a table per set:
// conversations passed per behaviour, turns passed, and the total; then a combined total.
// Three sets: the development set (conversation-cases.ts), the held-out set
// (held-out-cases.ts, written without reading the assistant or the development set) and the
// fresh set (fresh-cases.ts, a second held-out set written blind to all of the above).
//
//   npm run eval                      # every set
//   npm run eval -- --set dev         # only the development set (also: heldout, fresh, all)
//   npm run eval -- --verbose         # also every failed check with its reason
//   npm run eval -- --only cart       # one behaviour
import { parseArgs } from 'node:util';
import { cases, type Behaviour, type Case } from './conversation-cases.js';
import { heldOutCases } from './held-out-cases.js';
import { freshCases } from './fresh-cases.js';
import * as c from './checks.js';
import { startWorld, type TurnResult, type World } from './harness.js';

const { values: args } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    only: { type: 'string' },
    set: { type: 'string', default: 'all' },
  },
});

const sets = [
  { key: 'dev', title: 'development set', cases },
  { key: 'heldout', title: 'held-out set', cases: heldOutCases },
  { key: 'fresh', title: 'fresh held-out set', cases: freshCases },
] as const;
if (!['all', ...sets.map((s) => s.key)].includes(args.set!)) {
  console.error(`--set must be one of all, ${sets.map((s) => s.key).join(', ')}`);
  process.exit(2);
}

interface Outcome {
  set: string;
  kase: Case;
  failures: string[];
  turns: number;
  turnsPassed: number;
  ms: number[];
}

async function run(world: World, set: string, kase: Case): Promise<Outcome> {
  const shopper = await world.shopper(kase.guest ? 'guest' : 'user');
  const prev: TurnResult[] = [];
  const failures: string[] = [];
  const ms: number[] = [];
  let turnsPassed = 0;
  try {
    for (const [i, step] of kase.turns.entries()) {
      const turn = await shopper.say(step.say);
      ms.push(turn.ms);
      const checks = [...step.expect, c.inLanguage(kase.lang), c.grounded, c.finished];
      const ctx = { turn, prev: [...prev], catalog: world.catalog, cart: shopper.cart };
      const reasons = (await Promise.all(checks.map((check) => check(ctx)))).filter((r): r is string => r !== null);
      if (reasons.length) failures.push(...reasons.map((r) => `turn ${i + 1} "${step.say}": ${r}`));
      else turnsPassed++;
      prev.push(turn);
    }
  } catch (err) {
    failures.push(`error: ${(err as Error).message}`);
  } finally {
    shopper.close();
  }
  return { set, kase, failures, turns: kase.turns.length, turnsPassed, ms };
}

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '-');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!) : 0;
};

function table(outcomes: Outcome[]): { lines: string[]; passed: number; turns: number; turnsOk: number } {
  const behaviours = [...new Set(outcomes.map((o) => o.kase.behaviour))] as Behaviour[];
  const lines = ['| behaviour | conversations | passed | turns passed | es | en |', '|---|---:|---:|---:|---:|---:|'];
  for (const b of behaviours) {
    const os = outcomes.filter((o) => o.kase.behaviour === b);
    const pass = os.filter((o) => !o.failures.length);
    const lang = (l: 'es' | 'en') => {
      const inLang = os.filter((o) => o.kase.lang === l);
      return `${inLang.filter((o) => !o.failures.length).length}/${inLang.length}`;
    };
    const turns = os.reduce((n, o) => n + o.turns, 0);
    const turnsOk = os.reduce((n, o) => n + o.turnsPassed, 0);
    lines.push(
      `| ${b} | ${os.length} | ${pass.length}/${os.length} | ${turnsOk}/${turns} | ${lang('es')} | ${lang('en')} |`,
    );
  }
  const passed = outcomes.filter((o) => !o.failures.length).length;
  const turns = outcomes.reduce((n, o) => n + o.turns, 0);
  const turnsOk = outcomes.reduce((n, o) => n + o.turnsPassed, 0);
  lines.push(
    `| **total** | ${outcomes.length} | **${passed}/${outcomes.length} (${pct(passed, outcomes.length)})** | ${turnsOk}/${turns} | | |`,
  );
  return { lines, passed, turns, turnsOk };
}

async function main() {
  const chosen = sets
    .filter((s) => args.set === 'all' || s.key === args.set)
    .map((s) => ({ ...s, cases: s.cases.filter((k) => !args.only || k.behaviour === args.only) }));
  const started = Date.now();
  const world = await startWorld();
  const outcomes: Outcome[] = [];
  try {
    for (const s of chosen) for (const kase of s.cases) outcomes.push(await run(world, s.key, kase));
  } finally {
    await world.close();
  }
  for (const s of chosen) {
    const os = outcomes.filter((o) => o.set === s.key);
    const { lines, turns } = table(os);
    console.log(
      `\nConversation evaluation, ${s.title} (${os.length} conversations, ${turns} turns, embedded defaults)\n`,
    );
    console.log(lines.join('\n'));
  }
  if (chosen.length > 1) {
    const { passed, turns, turnsOk } = table(outcomes);
    console.log(`\n| set | conversations | passed | turns passed |\n|---|---:|---:|---:|`);
    for (const s of chosen) {
      const r = table(outcomes.filter((o) => o.set === s.key));
      const n = outcomes.filter((o) => o.set === s.key).length;
      console.log(`| ${s.title} | ${n} | ${r.passed}/${n} (${pct(r.passed, n)}) | ${r.turnsOk}/${r.turns} |`);
    }
    console.log(
      `| **combined** | ${outcomes.length} | **${passed}/${outcomes.length} (${pct(passed, outcomes.length)})** | ${turnsOk}/${turns} |`,
    );
  }
  const allMs = outcomes.flatMap((o) => o.ms);
  console.log(
    `\nturn latency, chat:send to chat:done: p50 ${quantile(allMs, 0.5)} ms, p95 ${quantile(allMs, 0.95)} ms`,
  );
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const failed = outcomes.filter((o) => o.failures.length);
  if (failed.length) {
    console.log(`\n${failed.length} conversation(s) failed${args.verbose ? ':' : ' (--verbose for reasons)'}`);
    if (args.verbose)
      for (const o of failed) {
        const name = (o.kase as { name?: string }).name;
        console.log(
          `- [${o.set}/${o.kase.behaviour}/${o.kase.lang}]${name ? ` ${name}:` : ''} ${o.failures.join('\n    ')}`,
        );
      }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
