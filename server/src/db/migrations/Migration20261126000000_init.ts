// The initial schema. Written by hand (not generated) so constraints, the generated
// tsvector column and the HNSW index are exactly what we mean.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000000_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists vector;`);

    this.addSql(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        email varchar(254) not null,
        password_hash text not null,
        name varchar(80),
        role varchar(16) not null default 'shopper' check (role in ('shopper', 'admin')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint users_email_unique unique (email),
        constraint users_email_lower check (email = lower(email))
      );`);

    this.addSql(`
      create table refresh_tokens (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        family_id uuid not null,
        token_hash char(64) not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        constraint refresh_tokens_hash_unique unique (token_hash)
      );`);
    this.addSql(`create index refresh_tokens_family_idx on refresh_tokens (family_id);`);
    this.addSql(`create index refresh_tokens_user_idx on refresh_tokens (user_id);`);

    this.addSql(`
      create table gpus (
        id uuid primary key default gen_random_uuid(),
        sku varchar(64) not null,
        name varchar(160) not null,
        brand varchar(16) not null check (brand in ('NVIDIA', 'AMD', 'Intel')),
        vram_gb integer not null check (vram_gb > 0),
        price_cents bigint not null,
        stock integer not null,
        description text not null default '',
        image_key text,
        thumbnail_key text,
        is_active boolean not null default true,
        specs jsonb not null default '{}'::jsonb,
        embedding vector(384),
        embedding_model varchar(80),
        search_vector tsvector generated always as (
          setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(brand, '')), 'A') ||
          setweight(to_tsvector('simple', coalesce(specs->>'series', '') || ' ' || coalesce(specs->>'architecture', '') || ' ' || coalesce(specs->>'memoryType', '')), 'B') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
          setweight(to_tsvector('spanish', coalesce(description, '')), 'C')
        ) stored,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint gpus_sku_unique unique (sku),
        constraint gpus_stock_non_negative check (stock >= 0),
        constraint gpus_price_positive check (price_cents > 0)
      );`);
    this.addSql(`create index gpus_embedding_hnsw_idx on gpus using hnsw (embedding vector_cosine_ops);`);
    this.addSql(`create index gpus_search_idx on gpus using gin (search_vector);`);
    this.addSql(`create index gpus_active_price_idx on gpus (is_active, price_cents);`);
    this.addSql(`create index gpus_brand_idx on gpus (brand);`);

    this.addSql(`
      create table carts (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        updated_at timestamptz not null default now(),
        constraint carts_user_unique unique (user_id)
      );`);
    this.addSql(`
      create table cart_items (
        cart_id uuid not null references carts(id) on delete cascade,
        gpu_id uuid not null references gpus(id),
        quantity integer not null check (quantity > 0),
        added_at timestamptz not null default now(),
        primary key (cart_id, gpu_id)
      );`);

    this.addSql(`
      create table orders (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id),
        status varchar(16) not null default 'created' check (status in ('created', 'paid', 'cancelled')),
        total_cents bigint not null check (total_cents >= 0),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index orders_user_idx on orders (user_id, created_at desc);`);
    this.addSql(`
      create table order_items (
        id uuid primary key default gen_random_uuid(),
        order_id uuid not null references orders(id) on delete cascade,
        gpu_id uuid not null references gpus(id),
        name varchar(160) not null,
        price_cents bigint not null check (price_cents > 0),
        quantity integer not null check (quantity > 0)
      );`);
    this.addSql(`create index order_items_order_idx on order_items (order_id);`);

    this.addSql(`
      create table idempotency_keys (
        user_id uuid not null references users(id) on delete cascade,
        key varchar(128) not null,
        request_hash char(64) not null,
        status_code integer,
        response_body jsonb,
        created_at timestamptz not null default now(),
        primary key (user_id, key)
      );`);

    this.addSql(`
      create table conversations (
        id uuid primary key default gen_random_uuid(),
        user_id uuid references users(id) on delete cascade,
        guest_id uuid,
        title varchar(200) not null default '',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint conversations_owner check (user_id is not null or guest_id is not null)
      );`);
    this.addSql(`create index conversations_user_idx on conversations (user_id, updated_at desc);`);
    this.addSql(`create index conversations_guest_idx on conversations (guest_id, updated_at desc);`);
    this.addSql(`
      create table messages (
        id uuid primary key default gen_random_uuid(),
        conversation_id uuid not null references conversations(id) on delete cascade,
        role varchar(16) not null check (role in ('user', 'assistant')),
        content text not null,
        product_ids uuid[] not null default '{}',
        finish_reason varchar(16),
        meta jsonb not null default '{}'::jsonb,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index messages_conversation_idx on messages (conversation_id, created_at);`);

    this.addSql(`
      create table llm_usage (
        id uuid primary key default gen_random_uuid(),
        message_id uuid references messages(id) on delete set null,
        user_id uuid references users(id) on delete set null,
        guest_id uuid,
        provider varchar(40) not null,
        model varchar(120) not null,
        prompt_tokens integer not null default 0,
        completion_tokens integer not null default 0,
        time_to_first_token_ms integer,
        duration_ms integer,
        finish_reason varchar(16),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index llm_usage_user_day_idx on llm_usage (user_id, created_at);`);
    this.addSql(`create index llm_usage_guest_day_idx on llm_usage (guest_id, created_at);`);
  }

  override async down(): Promise<void> {
    for (const t of [
      'llm_usage',
      'messages',
      'conversations',
      'idempotency_keys',
      'order_items',
      'orders',
      'cart_items',
      'carts',
      'gpus',
      'refresh_tokens',
      'users',
    ]) {
      this.addSql(`drop table if exists ${t} cascade;`);
    }
  }
}
