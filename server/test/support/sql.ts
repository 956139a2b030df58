// Plain SQL against a suite's test app, on a fresh fork of its entity manager: for checks that
// read (or change) the database behind the services' back. `app` is a getter because suites
// start their app in beforeAll, after this is called at module level.
import type { TestApp } from './app.js';

export const appSql =
  (app: () => TestApp) =>
  <T>(query: string, params: unknown[] = []): Promise<T[]> =>
    app().platform.db.orm.em.fork().execute<T[]>(query, params);
