// Hardening (issue 14): versions for live state and server-issued guests.
//   - gpus.version / carts.version: bumped in the same statement as each change and read back
//     with it, so `stock:update` and `cart:update` carry an order clients can trust.
//   - guests: every guest identity the server issued or accepted (per-IP creation limits need
//     to tell a new guest from one resuming its history).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261216000000_hardening extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table gpus add column version bigint not null default 1;`);
    this.addSql(`alter table carts add column version bigint not null default 1;`);
    this.addSql(`
      create table guests (
        id uuid primary key,
        created_at timestamptz not null default now()
      );`);
    // Guests that already have history keep it: they count as known from the start.
    this.addSql(`insert into guests (id) select distinct guest_id from conversations where guest_id is not null
                 on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists guests;`);
    this.addSql(`alter table carts drop column if exists version;`);
    this.addSql(`alter table gpus drop column if exists version;`);
  }
}
