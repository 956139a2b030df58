// The demo catalog as data: one JSON file per product family under ./catalog, each checked
// at load against the shared seed schema (the admin create shape, both descriptions
// required), so a bad file stops the seed with the file, product and field at fault.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gpuSeedFileSchema, type GpuSeedEntry } from '@gpu/shared';

/** Beside this module in src/ and, copied by the build, in dist/. */
export const catalogDir = fileURLToPath(new URL('./catalog/', import.meta.url));

export class CatalogDataError extends Error {
  override name = 'CatalogDataError';
}

export interface CatalogFile {
  file: string;
  family: string;
  sources: Record<string, string>;
  products: GpuSeedEntry[];
}

/** Reads and validates one family file; throws CatalogDataError naming file, product and field. */
export function parseCatalogFile(file: string, text: string): CatalogFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CatalogDataError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = gpuSeedFileSchema.safeParse(raw);
  if (!parsed.success) {
    const products = (raw as { products?: unknown[] } | null)?.products;
    const lines = parsed.error.issues.map((issue) => {
      const [top, index, ...field] = issue.path;
      if (top === 'products' && typeof index === 'number') {
        const sku = (products?.[index] as { sku?: unknown } | undefined)?.sku;
        const product = typeof sku === 'string' ? sku : `#${index + 1}`;
        return `${file}: product ${product}: ${field.join('.') || '(the product)'}: ${issue.message}`;
      }
      return `${file}: ${issue.path.join('.') || '(the file)'}: ${issue.message}`;
    });
    throw new CatalogDataError(lines.join('\n'));
  }
  return { file, ...parsed.data, sources: parsed.data.sources ?? {} };
}

/** Every family file in `dir`, in name order; SKUs and names must be unique across files. */
export function loadCatalogFiles(dir: string = catalogDir): CatalogFile[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new CatalogDataError(`${dir}: no catalog files`);
  const files = names.map((n) => parseCatalogFile(n, readFileSync(path.join(dir, n), 'utf8')));
  const seen = new Map<string, string>();
  for (const f of files) {
    for (const p of f.products) {
      for (const key of [`sku ${p.sku}`, `name ${p.name}`]) {
        const other = seen.get(key);
        if (other) throw new CatalogDataError(`${f.file}: product ${p.sku}: ${key} is also in ${other}`);
        seen.set(key, f.file);
      }
    }
  }
  return files;
}

/** The products of every family file. */
export function loadCatalog(dir: string = catalogDir): GpuSeedEntry[] {
  return loadCatalogFiles(dir).flatMap((f) => f.products);
}
