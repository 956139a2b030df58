// `npm run eval:retrieval`: the retrieval evaluation (docs/retrieval-eval.md). For each
// embedder available (the hashing embedder always; the generated tiny model always; the real
// multilingual model only when its files are in MODEL_DIR) it runs every query through the
// product's retrieval on a freshly seeded database, one process per embedder, and prints
// nDCG@10, capped recall@10 and hard-constraint satisfaction for the lexical list, the
// vector list and the fused ranking, per language, on the tuning and held-out splits.
//
//   npm run eval:retrieval
//   npm run eval:retrieval -- --embedder hashing      # one embedder (hashing, tiny, model)
//   npm run eval:retrieval -- --per-query tune        # also each query's nDCG (tune or heldout)
//   npm run eval:retrieval -- --save runs.json        # keep the raw rankings
//   npm run eval:retrieval -- --load runs.json        # score saved rankings again (no database)
//   npm run eval:retrieval -- --no-variant-cap        # every variant of a model counts (rule 4 off)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { locateModel } from '../../../server/src/modules/assistant/embeddings/sentence-models.js';
import { queries } from './queries.js';
import type { EmbedderKind, EmbedderRun } from './run-embedder.js';
import { cell, LISTS, scoreQueries, type QueryScore } from './score.js';

const { values: args } = parseArgs({
  options: {
    embedder: { type: 'string' },
    'per-query': { type: 'string' },
    save: { type: 'string' },
    load: { type: 'string' },
    'no-variant-cap': { type: 'boolean', default: false },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const modelDir = process.env.MODEL_DIR ?? path.join(root, 'server/models');
const real = locateModel(modelDir, 'paraphrase-multilingual-MiniLM-L12-v2');

const LABEL: Record<EmbedderKind, string> = {
  hashing: 'hashing embedder (hashing-ngram-384-v1)',
  tiny: 'generated tiny model (bilingual glossary, production embedder path)',
  model: 'paraphrase-multilingual-MiniLM-L12-v2 (real weights)',
};

function runChild(kind: EmbedderKind): Promise<EmbedderRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', path.join(here, 'run-embedder.ts'), kind],
      {
        cwd: path.join(root, 'server'),
        env: { ...process.env, MODEL_DIR: modelDir },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`${kind} run failed (exit ${code})`));
      resolve(JSON.parse(line) as EmbedderRun);
    });
  });
}

const f2 = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));

function table(scores: QueryScore[]): string[] {
  const lines = [
    '| ranking | split | nDCG@10 es | nDCG@10 en | recall@10 es | recall@10 en | constraints es | constraints en |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const split of ['tune', 'heldout'] as const) {
    for (const list of LISTS) {
      const es = cell(
        scores.filter((s) => s.lang === 'es' && s.split === split),
        list,
      );
      const en = cell(
        scores.filter((s) => s.lang === 'en' && s.split === split),
        list,
      );
      lines.push(
        `| ${list} | ${split === 'tune' ? 'tuning' : 'held-out'} | ${f2(es.ndcg)} | ${f2(en.ndcg)} | ${f2(es.recall)} | ${f2(en.recall)} | ${f2(es.constraints)} | ${f2(en.constraints)} |`,
      );
    }
  }
  return lines;
}

function verdict(scores: QueryScore[]): string {
  const parts = (['es', 'en'] as const).map((lang) => {
    const held = scores.filter((s) => s.lang === lang && s.split === 'heldout');
    const [lex, vec, fused] = LISTS.map((l) => cell(held, l).ndcg) as [number, number, number];
    return `${lang} ${fused > lex && fused > vec ? 'yes' : 'NO'} (${f2(fused)} vs ${f2(lex)} / ${f2(vec)})`;
  });
  return `fused beats both lists on held-out nDCG@10: ${parts.join(', ')}`;
}

const kinds: EmbedderKind[] = args.embedder
  ? [args.embedder as EmbedderKind]
  : ['hashing', 'tiny', ...(real.found ? (['model'] as const) : [])];
const count = (lang: string, split: string) => queries.filter((q) => q.lang === lang && q.split === split).length;
console.log(
  `retrieval evaluation: ${queries.length} queries (es ${count('es', 'tune')} tuning + ${count('es', 'heldout')} held-out, ` +
    `en ${count('en', 'tune')} + ${count('en', 'heldout')}), top 10, graded 0-3 from product facts`,
);
if (!real.found && !args.embedder) {
  console.log(
    `real multilingual model: not in MODEL_DIR (${real.modelDir}); missing ${real.missing.join(', ')}: skipped`,
  );
}
const saved: EmbedderRun[] | null = args.load ? (JSON.parse(readFileSync(args.load, 'utf8')) as EmbedderRun[]) : null;
const runs: EmbedderRun[] = [];
for (const kind of saved ? saved.map((r) => r.kind) : kinds) {
  const run = saved?.find((r) => r.kind === kind) ?? (await runChild(kind));
  runs.push(run);
  const variantCap = args['no-variant-cap'] ? Number.POSITIVE_INFINITY : undefined;
  const scores = scoreQueries(queries, run.facts, run.rankings, { variantCap });
  console.log(`\n### ${LABEL[kind]}`);
  console.log(
    `model ${run.model}, database ${run.engine}, ${run.facts.length} products; seed + embed ${run.seedMs} ms, ${queries.length} searches ${run.searchMs} ms\n`,
  );
  console.log(table(scores).join('\n'));
  console.log(`\n${verdict(scores)}`);
  const which = args['per-query'];
  if (which) {
    for (const s of scores.filter((x) => x.split === which)) {
      const q = queries.find((x) => x.id === s.id)!;
      console.log(`${s.id} lex ${f2(s.ndcg.lexical)} vec ${f2(s.ndcg.vector)} fused ${f2(s.ndcg.fused)}  ${q.text}`);
    }
  }
}
if (args.save && !saved) writeFileSync(args.save, JSON.stringify(runs));
