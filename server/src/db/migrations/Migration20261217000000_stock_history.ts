// Stock levels over time, for the admin dashboard's stock chart: the stock service adds a row
// with the new level in the same transaction as every change. Existing products start with
// their current level. Plus time indexes for the dashboard's series (orders, messages, LLM use).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261217000000_stock_history extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table stock_history (
        id bigint generated always as identity primary key,
        gpu_id uuid not null references gpus (id) on delete cascade,
        stock integer not null,
        at timestamptz not null default now()
      );`);
    this.addSql(`create index stock_history_gpu_at_idx on stock_history (gpu_id, at);`);
    this.addSql(`insert into stock_history (gpu_id, stock) select id, stock from gpus;`);
    this.addSql(`create index orders_created_idx on orders (created_at);`);
    this.addSql(`create index messages_created_idx on messages (created_at);`);
    this.addSql(`create index llm_usage_created_idx on llm_usage (created_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists llm_usage_created_idx;`);
    this.addSql(`drop index if exists messages_created_idx;`);
    this.addSql(`drop index if exists orders_created_idx;`);
    this.addSql(`drop table if exists stock_history;`);
  }
}
