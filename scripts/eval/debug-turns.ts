// Development aid: holds one conversation on the embedded defaults and prints each answer
// with its cards and steps. `npx tsx --conditions=source scripts/eval/debug-turns.ts [--guest] "msg 1" "msg 2" ...`
import { startWorld } from './harness.js';

const args = process.argv.slice(2);
const guest = args[0] === '--guest';
const messages = guest ? args.slice(1) : args;
const world = await startWorld();
try {
  const shopper = await world.shopper(guest ? 'guest' : 'user');
  for (const m of messages) {
    const t = await shopper.say(m);
    console.log(
      `\n>>> ${m}   [${t.tools
        .filter((s) => s.status !== 'started')
        .map((s) => `${s.name}:${s.status}`)
        .join(', ')}]`,
    );
    console.log(t.text);
    console.log('cards:', t.products.map((p) => `${p.name} $${p.price} st${p.stock}`).join(' | ') || '-');
    if (t.actions.length) console.log('actions:', JSON.stringify(t.actions.map(({ cart: _c, ...a }) => a)));
  }
  shopper.close();
} finally {
  await world.close();
}
process.exit(0);
