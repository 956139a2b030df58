// Conversations keep their state (constraints in force, products shown, focus) between
// turns, and assistant messages keep what they showed besides text: the comparison table,
// cart actions, follow-up suggestions and the steps taken.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000000_conversation_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table conversations add column state jsonb not null default '{}'::jsonb;`);
    this.addSql(`alter table messages add column comparison jsonb;`);
    this.addSql(`alter table messages add column actions jsonb not null default '[]'::jsonb;`);
    this.addSql(`alter table messages add column suggestions jsonb not null default '[]'::jsonb;`);
    this.addSql(`alter table messages add column tools jsonb not null default '[]'::jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table messages drop column tools, drop column suggestions, drop column actions, drop column comparison;`,
    );
    this.addSql(`alter table conversations drop column state;`);
  }
}
