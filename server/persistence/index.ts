// The persistence layer's public face: open the database, then call the query functions with it (or with the
// transaction handle that `db.transaction` passes in).
export { openDatabase, databaseOptionsFromEnv, DEFAULT_DATA_DIR } from './database.ts';
export type { Database, DatabaseOptions, Queryable } from './database.ts';
export { migrate, loadMigrations } from './migrate.ts';
export type { Migration } from './migrate.ts';
export * from './queries/competitions.ts';
export * from './queries/teams.ts';
export * from './queries/results.ts';
export * from './queries/audit-log.ts';
export * from './queries/replays.ts';
export * from './queries/checkpoints.ts';
export * from './queries/personal-bests.ts';
export { resultsToCsv, csvText, RESULTS_CSV_HEADER } from './results-csv.ts';
