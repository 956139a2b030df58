// The server's import graph, read from the sources with the TypeScript compiler's own
// pre-processor (no type check, no bundler): one node per file under src/, one edge per
// relative import or re-export, `import type` included (a type-only cycle is still a knot
// a reader has to untie). Used by import-cycles.test.ts.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `./x.js` in an ESM TypeScript source names `./x.ts` (or `./x/index.ts`). */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c));
}

/** Files relative to `root` -> the files they import (relative to `root`, sorted). */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveRelative(file, spec))
      .filter((t): t is string => t !== undefined)
      .map((t) => path.relative(root, t));
    graph.set(path.relative(root, file), [...new Set(targets)].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself), by Tarjan. */
export function cycles(graph: ImportGraph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * Where a file belongs for layering: `modules/<name>`, its top folder (`db`, `realtime`, ...),
 * or, for a file at the top of src/ (config.ts, services.ts, ...), the file itself.
 */
export function areaOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : file;
}

/** The same graph folded onto areas, self-edges dropped. */
export function areaGraph(graph: ImportGraph): ImportGraph {
  const areas: ImportGraph = new Map();
  for (const [from, tos] of graph) {
    const a = areaOf(from);
    const set = new Set(areas.get(a) ?? []);
    for (const t of tos) if (areaOf(t) !== a) set.add(areaOf(t));
    areas.set(a, [...set].sort());
  }
  return areas;
}
