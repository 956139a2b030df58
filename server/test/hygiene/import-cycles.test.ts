// The import graph keeps its shape: no file imports itself through others, the capability
// modules (with db and platform) import each other without a circle, db knows no capability
// module, nor do platform and http, and realtime asks services instead of the database.
// Measured on main before issue 15's layering work: 0 file cycles, one circle of five areas
// (db, assistant, cart, catalog, media; pairs db<->catalog, assistant<->catalog,
// catalog<->media). See docs/architecture.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { areaGraph, areaOf, cycles, importGraph, type ImportGraph } from './import-graph.js';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const graph = importGraph(src);
const areas = areaGraph(graph);

const isCapabilityLayer = (a: string) => a.startsWith('modules/') || ['db', 'platform', 'http'].includes(a);
const capabilityGraph: ImportGraph = new Map(
  [...areas].filter(([a]) => isCapabilityLayer(a)).map(([a, to]) => [a, to.filter(isCapabilityLayer)]),
);

/** `from -> to` for every import of a file in area `from` into one of `forbidden`. */
const crossings = (from: (a: string) => boolean, forbidden: (a: string) => boolean): string[] =>
  [...graph].flatMap(([file, targets]) =>
    from(areaOf(file)) ? targets.filter((t) => forbidden(areaOf(t))).map((t) => `${file} -> ${t}`) : [],
  );

describe('import graph of server/src', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get(path.join('modules', 'catalog', 'service.ts'))).toContain(path.join('db', 'entities', 'index.ts'));
  });

  it('finds a circle when there is one (the checker itself)', () => {
    const g: ImportGraph = new Map([
      ['modules/a/x.ts', ['modules/b/y.ts']],
      ['modules/b/y.ts', ['modules/c/z.ts']],
      ['modules/c/z.ts', ['modules/a/x.ts']],
      ['db/orm.ts', []],
    ]);
    expect(cycles(g)).toEqual([['modules/a/x.ts', 'modules/b/y.ts', 'modules/c/z.ts']]);
    const folded = areaGraph(new Map([...g, ['modules/a/w.ts', []]]));
    expect(cycles(folded)).toEqual([['modules/a', 'modules/b', 'modules/c']]);
    expect(cycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between capability modules, db, platform and http', () => {
    expect(cycles(capabilityGraph)).toEqual([]);
  });

  it('db imports no capability module and no composition file', () => {
    expect(
      crossings(
        (a) => a === 'db',
        (a) => a.startsWith('modules/') || (a.endsWith('.ts') && a !== 'config.ts'),
      ),
    ).toEqual([]);
  });

  it('http imports no capability module (the OpenAPI document is assembled at the root)', () => {
    expect(
      crossings(
        (a) => a === 'http',
        (a) => a.startsWith('modules/'),
      ),
    ).toEqual([]);
  });

  it('platform imports no capability module, db or realtime', () => {
    expect(
      crossings(
        (a) => a === 'platform',
        (a) => a.startsWith('modules/') || a === 'db' || a === 'realtime',
      ),
    ).toEqual([]);
  });

  it('realtime never reaches the database (it asks services)', () => {
    expect(
      crossings(
        (a) => a === 'realtime',
        (a) => a === 'db',
      ),
    ).toEqual([]);
    const touching = [...graph.keys()]
      .filter((f) => areaOf(f) === 'realtime')
      .filter((f) => /\.orm\b|EntityManager|\.em\.fork\(/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(touching).toEqual([]);
  });
});
