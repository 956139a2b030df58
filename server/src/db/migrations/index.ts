// Migrations in order. Listed explicitly so compiled (dist) and source (tsx) runs agree.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000_init } from './Migration20261126000000_init.js';
import { Migration20261201000000_conversation_state } from './Migration20261201000000_conversation_state.js';
import { Migration20261215000000_bilingual_descriptions } from './Migration20261215000000_bilingual_descriptions.js';
import { Migration20261216000000_hardening } from './Migration20261216000000_hardening.js';
import { Migration20261217000000_stock_history } from './Migration20261217000000_stock_history.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000000_init', class: Migration20261126000000_init },
  { name: 'Migration20261201000000_conversation_state', class: Migration20261201000000_conversation_state },
  { name: 'Migration20261215000000_bilingual_descriptions', class: Migration20261215000000_bilingual_descriptions },
  { name: 'Migration20261216000000_hardening', class: Migration20261216000000_hardening },
  { name: 'Migration20261217000000_stock_history', class: Migration20261217000000_stock_history },
];
