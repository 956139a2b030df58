// The product catalog: filtered listing with full-text search, one product, and admin writes.
// A listing page is kept as its response bytes in this instance (response-cache.ts); a miss
// reads the page from the database and reuses each product's JSON while its row is unchanged
// (product-json-cache.ts). One product is cache-aside in the shared cache (Redis or memory).
// Every write drops both, and so does every `stock.changed` on the bus (checkout, on any
// instance), so a listing never shows a stale stock level.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  defaultLanguage,
  type Gpu,
  type GpuCreate,
  type GpuDescriptions,
  type GpuList,
  type GpuListQuery,
  type GpuUpdate,
  type Language,
  type StockLevel,
} from '@gpu/shared';
import type { EventBus } from '../../platform/bus.js';
import type { Cache } from '../../platform/cache.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Embedder } from '../../platform/embedder.js';
import type { StockService } from '../inventory/stock-service.js';
import { GpuRecord } from '../../db/entities/index.js';
import { GPU_FIELDS, gpuColumns, gpuFromRecord, toGpu, type AssetUrl, type GpuRow } from './gpu-row.js';
import { anyWordQuery, buildListSql, type MatchMode } from './list-query.js';
import { embedProduct } from './product-embeddings.js';
import { normalizeProductText } from './product-text.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { SerializedBody } from '../../http/cached-response.js';
import { ResponseCache, serialize } from './response-cache.js';
import { ProductJsonCache } from './product-json-cache.js';
import { catalogListingLookups, catalogProductJson } from '../../platform/metrics.js';

const COMMA = Buffer.from(',');

/** A listing row before its product's JSON is attached: id and row version (`xmin`). */
interface PageRow {
  id: string;
  stamp: string;
}
export const CATALOG_CACHE_NS = 'catalog';
const CACHE_TTL_S = 30;
/** A second invalidation after a write catches a reader that loaded the old row mid-commit. */
const LATE_INVALIDATION_MS = 1_000;

export interface CatalogServiceDeps {
  em: () => EntityManager;
  cache: Cache;
  bus: EventBus;
  stock: StockService;
  embedder: Embedder;
  assetUrl: AssetUrl;
  logger: Logger;
}

const textFields = ['name', 'brand', 'vramGb', 'specs'] as const;
/** Fields an admin write copies as they are (descriptions and stock have rules of their own). */
const plainFields = ['sku', 'name', 'brand', 'vramGb', 'price', 'isActive', 'specs'] as const;

/**
 * The descriptions a write leaves: `current`, then a plain `description` in `lang` (the
 * request's language), then each language named in `descriptions`.
 */
export function mergeDescriptions(
  current: GpuDescriptions,
  input: Pick<GpuUpdate, 'description' | 'descriptions'>,
  lang: Language,
): GpuDescriptions {
  const next = { ...current };
  if (input.description !== undefined) next[lang] = input.description;
  if (input.descriptions?.es !== undefined) next.es = input.descriptions.es;
  if (input.descriptions?.en !== undefined) next.en = input.descriptions.en;
  return next;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; name?: string };
  return e?.code === '23505' || e?.name === 'UniqueConstraintViolationException';
}

export class CatalogService {
  /** Listings as wire bytes + ETag, in process (response-cache.ts). */
  private readonly responses: ResponseCache;
  /** Each product's JSON per row version, for listings that miss `responses`. */
  private readonly products = new ProductJsonCache();
  private lateInvalidation: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CatalogServiceDeps) {
    this.responses = new ResponseCache(() => deps.bus.deliveryEpoch(), CACHE_TTL_S * 1000);
  }

  /** Invalidate on stock changes made elsewhere (checkout, other instances). Returns unsubscribe. */
  watch(): () => void {
    const bus = this.deps.bus;
    const offs = [
      bus.subscribe('stock.changed', () => void this.invalidate()),
      bus.subscribe('catalog.changed', () => void this.invalidate()),
    ];
    return () => {
      offs.forEach((off) => off());
      clearTimeout(this.lateInvalidation);
    };
  }

  /**
   * Drops every cached listing and product, here and in the shared cache, now and once more a
   * moment later: a reader that loaded the old rows mid-commit may have stored them after the
   * first drop.
   */
  private async invalidate(): Promise<void> {
    this.responses.clear();
    clearTimeout(this.lateInvalidation);
    this.lateInvalidation = setTimeout(() => {
      this.responses.clear();
      void this.deps.cache.invalidate(CATALOG_CACHE_NS);
    }, LATE_INVALIDATION_MS).unref();
    await this.deps.cache.invalidate(CATALOG_CACHE_NS);
  }

  /** One page; `description` in `opts.lang` (the cache key carries it). */
  async list(query: GpuListQuery, opts: { includeInactive: boolean; lang?: Language }): Promise<GpuList> {
    return JSON.parse((await this.listResponse(query, opts)).body.toString('utf8')) as GpuList;
  }

  /**
   * One page as the bytes GET /api/gpus sends, with a strong ETag: this instance's copy, else
   * one statement to the database. There is no shared (Redis) tier for pages: it cost a miss
   * two more round trips and 30 KB each way, and halved uncached throughput (docs/performance.md);
   * with the rows' JSON reused, the database read it saved is one narrow prepared statement.
   */
  async listResponse(
    query: GpuListQuery,
    opts: { includeInactive: boolean; lang?: Language },
  ): Promise<SerializedBody> {
    const lang = opts.lang ?? defaultLanguage;
    const key = `list:${lang}:${JSON.stringify({ ...query, lang: undefined, includeInactive: opts.includeInactive })}`;
    const local = this.responses.get(key);
    catalogListingLookups.inc({ result: local ? 'hit' : 'miss' });
    if (local) return local;
    const generation = this.responses.generation;
    const serialized = serialize(await this.queryList(query, opts.includeInactive, lang));
    this.responses.set(key, serialized, generation);
    return serialized;
  }

  /** The page's `GpuList` JSON: which rows, in what order, and the total from the database; each row's JSON kept per version. */
  private async queryList(query: GpuListQuery, includeInactive: boolean, lang: Language): Promise<Buffer> {
    let page = await this.queryPage(query, includeInactive, 'all');
    if (page.total === 0 && query.q && anyWordQuery(query.q).includes('|')) {
      page = await this.queryPage(query, includeInactive, 'any');
    }
    const items = await this.productsJson(page.rows, lang);
    const parts: Buffer[] = [Buffer.from('{"items":[')];
    items.forEach((json, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(json);
    });
    // The rest of the object after `items`: `{"page":1,...}` without its opening brace.
    const tail: Omit<GpuList, 'items'> = { page: query.page, pageSize: query.pageSize, total: page.total };
    parts.push(Buffer.from(`],${JSON.stringify(tail).slice(1)}`));
    return Buffer.concat(parts);
  }

  /**
   * Each row's `Gpu` JSON in `lang`, in order: kept bytes where the row is the version they were
   * made from, the rest read whole in one more statement (and kept). A row that changed since
   * the page was read comes back as its newer version; one gone since is left out.
   */
  private async productsJson(rows: PageRow[], lang: Language): Promise<Buffer[]> {
    const found = rows.map((r) => this.products.get(lang, r.id, r.stamp));
    const missing = rows.filter((_, i) => !found[i]).map((r) => r.id);
    catalogProductJson.inc({ result: 'kept' }, rows.length - missing.length);
    if (missing.length === 0) return found as Buffer[];
    catalogProductJson.inc({ result: 'built' }, missing.length);
    const fresh = new Map<string, Buffer>();
    const whole = await preparedQuery<GpuRow & { stamp: string }>(
      this.deps.em(),
      `select ${gpuColumns}, xmin::text as stamp from gpus where id = any(?::uuid[])`,
      [missing],
    );
    for (const row of whole) {
      const json = Buffer.from(JSON.stringify(toGpu(row, this.deps.assetUrl, lang)));
      this.products.set(lang, row.id, row.stamp, json);
      fresh.set(row.id, json);
    }
    return rows.flatMap((r, i) => found[i] ?? fresh.get(r.id) ?? []);
  }

  /** The page's ids with their row versions, and the total: one prepared statement over narrow rows. */
  private async queryPage(
    query: GpuListQuery,
    includeInactive: boolean,
    mode: MatchMode,
  ): Promise<{ rows: PageRow[]; total: number }> {
    const sql = buildListSql(query, { includeInactive, mode });
    const offset = (query.page - 1) * query.pageSize;
    const em = this.deps.em();
    // The total is a window count over the matches; only ids and versions leave the database
    // (the rows' text is in `products` unless they changed).
    const rows = await preparedQuery<PageRow & { total_count: string }>(
      em,
      `select id, gpus.xmin::text as stamp, count(*) over() as total_count
       from ${sql.from} order by ${sql.orderBy} limit ? offset ?`,
      [...sql.params, ...sql.orderParams, query.pageSize, offset],
    );
    if (rows[0]) return { rows, total: Number(rows[0].total_count) };
    if (offset === 0) return { rows, total: 0 };
    // Past the last page: the window count has no row to ride on.
    const counted = await preparedQuery<{ total: string }>(em, `select count(*) as total from ${sql.from}`, sql.params);
    return { rows, total: Number(counted[0]?.total ?? 0) };
  }

  /** One product, `description` in `opts.lang`; inactive ones only for admins. */
  async get(id: string, opts: { admin: boolean; lang?: Language }): Promise<Gpu> {
    const lang = opts.lang ?? defaultLanguage;
    const key = `gpu:${lang}:${id}`;
    let gpu = await this.deps.cache.get<Gpu>(CATALOG_CACHE_NS, key);
    if (!gpu) {
      const product = await this.findProduct(this.deps.em(), id);
      if (!product) throw notFound('Product');
      gpu = gpuFromRecord(product, this.deps.assetUrl, lang);
      await this.deps.cache.set(CATALOG_CACHE_NS, key, gpu, CACHE_TTL_S);
    }
    if (!gpu.isActive && !opts.admin) throw notFound('Product');
    return gpu;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.deps.em().count(GpuRecord, { id })) > 0;
  }

  /** Admin create; a plain `description` is the text in `lang`, the request's language. */
  async create(raw: GpuCreate, lang: Language = defaultLanguage): Promise<Gpu> {
    const input = normalizeProductText(raw);
    const descriptions = mergeDescriptions({ es: '', en: '' }, input, lang);
    let level: StockLevel | null = null;
    const product = await this.write(async (tx) => {
      const gpu = tx.create(GpuRecord, {
        sku: input.sku,
        name: input.name,
        brand: input.brand,
        vramGb: input.vramGb,
        price: input.price,
        stock: 0,
        descriptionEs: descriptions.es,
        descriptionEn: descriptions.en,
        isActive: input.isActive,
        specs: input.specs,
      });
      await tx.flush();
      // Initial stock goes through the one stock service like every other change.
      level = await this.deps.stock.set(tx, gpu.id, input.stock);
      return (await this.findProduct(tx, gpu.id))!;
    });
    await this.afterWrite(product.id, { reembed: true, stock: level ?? undefined });
    return gpuFromRecord(product, this.deps.assetUrl, lang);
  }

  /**
   * PUT and PATCH: only the fields present change (a plain `description` sets `lang`'s text).
   * The row is locked for the transaction, and the flush checks and bumps its version.
   */
  async update(id: string, raw: GpuUpdate, lang: Language = defaultLanguage): Promise<Gpu> {
    return (await this.updateVersioned(id, raw, lang)).gpu;
  }

  /**
   * `update`, plus the product's version after it (an `ETag`); with `expectedVersion` (from
   * `If-Match`) an edit of a copy that changed since it was read is a 409 and changes nothing.
   */
  async updateVersioned(
    id: string,
    raw: GpuUpdate,
    lang: Language = defaultLanguage,
    opts: { expectedVersion?: number } = {},
  ): Promise<{ gpu: Gpu; version: number }> {
    const patch = normalizeProductText(raw);
    let reembed = false;
    let level: StockLevel | null = null;
    const product = await this.write(async (tx) => {
      const current = await tx.findOne(GpuRecord, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!current) throw notFound('Product');
      if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
        throw conflict(
          `The product changed since it was read (version ${current.version}, not ${opts.expectedVersion})`,
        );
      }
      const before = gpuFromRecord(current, this.deps.assetUrl);
      const descriptions = mergeDescriptions(before.descriptions, patch, lang);
      const descriptionsChanged = JSON.stringify(descriptions) !== JSON.stringify(before.descriptions);
      reembed =
        descriptionsChanged ||
        textFields.some((f) => patch[f] !== undefined && JSON.stringify(patch[f]) !== JSON.stringify(before[f]));
      const changes: Partial<GpuRecord> = {};
      for (const field of plainFields)
        if (patch[field] !== undefined) Object.assign(changes, { [field]: patch[field] });
      if (descriptionsChanged)
        Object.assign(changes, { descriptionEs: descriptions.es, descriptionEn: descriptions.en });
      tx.assign(current, changes);
      await tx.flush();
      if (patch.stock !== undefined && patch.stock !== before.stock) {
        level = await this.deps.stock.set(tx, id, patch.stock);
      }
      return (await this.findProduct(tx, id))!;
    });
    await this.afterWrite(id, { reembed, stock: level ?? undefined });
    return { gpu: gpuFromRecord(product, this.deps.assetUrl, lang), version: product.version };
  }

  /** Soft delete: the product disappears from the storefront, orders keep their reference. */
  async remove(id: string): Promise<void> {
    const changed = await this.deps.em().nativeUpdate(GpuRecord, { id }, { isActive: false, updatedAt: new Date() });
    if (changed === 0) throw notFound('Product');
    await this.afterWrite(id, { reembed: false });
  }

  /** Records a product's image keys (media uploads). Returns the keys they replaced. */
  async setImage(
    id: string,
    keys: { imageKey: string; thumbnailKey: string },
  ): Promise<{ imageKey: string | null; thumbnailKey: string | null }> {
    const previous = await this.deps.em().transactional(async (tx) => {
      const current = await tx.findOne(
        GpuRecord,
        { id },
        { fields: ['imageKey', 'thumbnailKey'], lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true },
      );
      if (!current) throw notFound('Product');
      await tx.nativeUpdate(GpuRecord, { id }, { ...keys, updatedAt: new Date() });
      return { imageKey: current.imageKey, thumbnailKey: current.thumbnailKey };
    });
    await this.afterWrite(id, { reembed: false });
    return previous;
  }

  /** The product as committed so far in `em` (fresh from the database, not the identity map). */
  private findProduct(em: EntityManager, id: string) {
    return em.findOne(GpuRecord, { id }, { fields: [...GPU_FIELDS, 'version'], disableIdentityMap: true });
  }

  private async write<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.deps.em().transactional(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('A product with this SKU already exists');
      throw err;
    }
  }

  /** After commit: embedding, cache, and the events realtime and other instances react to. */
  private async afterWrite(id: string, change: { reembed: boolean; stock?: StockLevel }): Promise<void> {
    if (change.reembed) {
      try {
        await embedProduct(this.deps.em(), this.deps.embedder, id);
      } catch (err) {
        // The row is saved; `npm run reindex` (or the next seed) fills a missing embedding.
        this.deps.logger.warn({ err: (err as Error).message, gpuId: id }, 'product re-embedding failed');
      }
    }
    await this.invalidate();
    if (change.stock !== undefined) {
      // What the transaction wrote (level and version), not a re-read.
      await this.deps.stock.publish([{ ...change.stock, reason: 'admin' }]);
    }
    await this.deps.bus.publish('catalog.changed', { gpuId: id });
  }
}
