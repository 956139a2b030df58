// `npm run eval:retrieval` runs end to end on the hashing embedder (about 15 s here) and
// prints its table. Its numbers are not asserted: they move with ranking changes, on purpose.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('npm run eval:retrieval', () => {
  it('runs every query through the product on the hashing embedder and prints the table', async () => {
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', '--conditions=source', 'scripts/eval/retrieval/main.ts', '--embedder', 'hashing'],
        { cwd: root, env: { ...process.env }, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      );
    });
    expect(code, out).toBe(0);
    expect(out).toMatch(/retrieval evaluation: \d+ queries/);
    expect(out).toMatch(/model hashing-ngram-384-v1, database (pglite|postgresql), 170 products/);
    for (const list of ['lexical', 'vector', 'fused']) {
      for (const split of ['tuning', 'held-out']) {
        expect(out).toMatch(new RegExp(`\\| ${list} \\| ${split} \\|( \\d\\.\\d{3} \\|){6}`));
      }
    }
    expect(out).toMatch(/fused beats both lists on held-out nDCG@10: es (yes|NO) .*, en (yes|NO) /);
  }, 180_000);
});
