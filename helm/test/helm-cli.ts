// The chart rendered by the real Helm binary (`helm template`, `helm lint --strict`): what the
// cluster would receive, with Helm's own value merging and values.schema.json validation.
// scripts/ci/install-ops-tools.sh installs the pinned Helm; HELM_BIN points at another one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

export type Dict = Record<string, unknown>;
export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Kubernetes version the chart is rendered for (Chart.yaml asks for >= 1.29). */
export const kubeVersion = '1.31.0';

const helmBin = process.env.HELM_BIN ?? 'helm';

/** The Helm version line, or null when no helm binary answers. */
export function helmVersion(): string | null {
  const r = spawnSync(helmBin, ['version', '--short'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export class HelmError extends Error {
  override name = 'HelmError';
}

function helm(args: string[]): string {
  const r = spawnSync(helmBin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new HelmError(`helm ${args[0]} failed: ${`${r.stdout}\n${r.stderr}`.trim()}`);
  return r.stdout;
}

/** A values file for `-f`: JSON is YAML, and keeps numbers and strings apart exactly. */
function withOverrides<T>(overrides: Dict, run: (file: string | null) => T): T {
  if (Object.keys(overrides).length === 0) return run(null);
  const dir = mkdtempSync(join(tmpdir(), 'chart-values-'));
  try {
    const file = join(dir, 'overrides.json');
    writeFileSync(file, JSON.stringify(overrides));
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RenderOptions {
  chartDir: string;
  /** Values files inside the chart (values.yaml always applies first, as in Helm). */
  valuesFiles?: string[];
  overrides?: Dict;
  release?: string;
  namespace?: string;
}

export interface Manifest {
  /** Template path as Helm names it in `# Source:` (gpu-assistant/templates/x.yaml). */
  source: string;
  text: string;
  docs: Dict[];
}

function valuesArgs(o: RenderOptions, overridesFile: string | null): string[] {
  const files = (o.valuesFiles ?? []).map((f) => join(o.chartDir, f));
  if (overridesFile) files.push(overridesFile);
  return files.flatMap((f) => ['-f', f]);
}

/** `helm template`: the rendered manifests, grouped by the template they came from. */
export function renderChart(o: RenderOptions): Manifest[] {
  const out = withOverrides(o.overrides ?? {}, (file) =>
    helm([
      'template',
      o.release ?? 'gpu-assistant',
      o.chartDir,
      '--namespace',
      o.namespace ?? 'shop',
      '--kube-version',
      kubeVersion,
      ...valuesArgs(o, file),
    ]),
  );
  const bySource = new Map<string, Manifest>();
  for (const chunk of out.split(/^---\s*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1];
    if (!source) {
      if (chunk.trim()) throw new HelmError(`rendered output without a # Source line: ${chunk.slice(0, 200)}`);
      continue;
    }
    const m = bySource.get(source) ?? { source, text: '', docs: [] };
    m.text += `---${chunk.endsWith('\n') ? chunk : `${chunk}\n`}`;
    for (const doc of parseAllDocuments(chunk)) {
      if (doc.errors.length) throw new HelmError(`${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const js: unknown = doc.toJS();
      if (js === null || js === undefined) continue;
      if (!isDict(js)) throw new HelmError(`${source}: a document is not a mapping`);
      m.docs.push(js);
    }
    bySource.set(source, m);
  }
  return [...bySource.values()];
}

/**
 * NOTES.txt as `helm install` would print it. `helm template` leaves NOTES out and
 * `helm install --dry-run` wants a cluster, so a copy of the chart renders the same text through
 * Helm's own `tpl` in a throwaway template.
 */
export function renderNotes(o: RenderOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'chart-notes-'));
  try {
    const chart = join(dir, 'chart');
    cpSync(o.chartDir, chart, { recursive: true });
    cpSync(join(chart, 'templates', 'NOTES.txt'), join(chart, 'NOTES.source.txt'));
    writeFileSync(
      join(chart, 'templates', 'zz-notes.yaml'),
      'notes: |\n{{ tpl (.Files.Get "NOTES.source.txt") . | indent 2 }}\n',
    );
    const [notes] = renderChart({ ...o, chartDir: chart }).filter((m) => m.source.endsWith('/zz-notes.yaml'));
    const text = isDict(notes?.docs[0]) ? notes.docs[0].notes : undefined;
    if (typeof text !== 'string') throw new HelmError('NOTES.txt did not render');
    return text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `helm lint --strict` (missing value keys are errors): its output, or a HelmError. */
export function lintChart(o: RenderOptions): string {
  return withOverrides(o.overrides ?? {}, (file) =>
    helm(['lint', '--strict', '--kube-version', kubeVersion, o.chartDir, ...valuesArgs(o, file)]),
  );
}

export const loadYaml = (text: string): unknown => parseYaml(text);
