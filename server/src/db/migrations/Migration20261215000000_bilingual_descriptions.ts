// Product text in two languages: `description` becomes `description_es` + `description_en`.
// An existing single description is sorted into its language by counting common Spanish and
// English function words; a tie (or an empty text) keeps it in both, so no text is lost.
// The generated `search_vector` depends on the old column, so it is rebuilt over both texts.
import { Migration } from '@mikro-orm/migrations';

const SPANISH_WORDS = 'para|con|de|del|el|la|los|las|y|que|una|en|por|su|sus|sin|más';
const ENGLISH_WORDS = 'for|with|and|the|of|to|an|in|its|on|is|at|from|more|without';
const words = (list: string) => `(select count(*) from regexp_matches(lower(description), '\\m(${list})\\M', 'g'))`;

export class Migration20261215000000_bilingual_descriptions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table gpus add column description_es text not null default '';`);
    this.addSql(`alter table gpus add column description_en text not null default '';`);
    this.addSql(`
      update gpus set
        description_es = case when ${words(SPANISH_WORDS)} >= ${words(ENGLISH_WORDS)} then description else '' end,
        description_en = case when ${words(ENGLISH_WORDS)} >= ${words(SPANISH_WORDS)} then description else '' end;`);
    this.addSql(`drop index if exists gpus_search_idx;`);
    this.addSql(`alter table gpus drop column search_vector;`);
    this.addSql(`alter table gpus drop column description;`);
    this.addSql(`
      alter table gpus add column search_vector tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(brand, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(specs->>'series', '') || ' ' || coalesce(specs->>'architecture', '') || ' ' || coalesce(specs->>'memoryType', '')), 'B') ||
        setweight(to_tsvector('english', coalesce(description_en, '')), 'C') ||
        setweight(to_tsvector('spanish', coalesce(description_es, '')), 'C')
      ) stored;`);
    this.addSql(`create index gpus_search_idx on gpus using gin (search_vector);`);
    // Embeddings are left as they are (vector search keeps working); a product is re-embedded
    // over both descriptions when its text changes or `npm run reindex` runs for a new model.
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists gpus_search_idx;`);
    this.addSql(`alter table gpus drop column search_vector;`);
    this.addSql(`alter table gpus add column description text not null default '';`);
    this.addSql(
      `update gpus set description = case when description_es <> '' then description_es else description_en end;`,
    );
    this.addSql(`alter table gpus drop column description_es;`);
    this.addSql(`alter table gpus drop column description_en;`);
    this.addSql(`
      alter table gpus add column search_vector tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(brand, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(specs->>'series', '') || ' ' || coalesce(specs->>'architecture', '') || ' ' || coalesce(specs->>'memoryType', '')), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
        setweight(to_tsvector('spanish', coalesce(description, '')), 'C')
      ) stored;`);
    this.addSql(`create index gpus_search_idx on gpus using gin (search_vector);`);
  }
}
