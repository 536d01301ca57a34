import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements sent, so tests can assert that a
 * page of components costs a constant number of queries. It logs nothing.
 */
export class QueryCounter implements Logger {
  count = 0;
  readonly queries: string[] = [];

  logQuery(query: string): void {
    this.count += 1;
    this.queries.push(query);
  }

  /** Forgets what was counted so far. */
  reset(): void {
    this.count = 0;
    this.queries.length = 0;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
