/**
 * Opens the bot's SQLite database and brings its schema up to date. WAL lets
 * the analysis worker read while the main thread writes; the busy timeout
 * turns a brief lock into a wait instead of an error.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { z } from 'zod';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type { Database };

const BUSY_TIMEOUT_MS = 5_000;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is SQLite's advice for WAL: commits stay atomic, without an fsync per commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const versionRow = z.object({ version: z.number().int().nullable() });

export function schemaVersion(db: Database): number {
  return (
    versionRow.parse(db.prepare('SELECT max(version) AS version FROM schema_version').get()).version ?? 0
  );
}

function migrate(db: Database, migrations: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  // IMMEDIATE takes the write lock before reading the version, so two processes
  // opening a fresh file cannot both apply the same step.
  const apply = db.transaction(() => {
    // Every step not yet applied, by number: steps are numbered per owner in advance (002 jobs,
    // 003 columns, …), so a lower number may land after a higher one was applied.
    const applied = new Set(
      db
        .prepare('SELECT version FROM schema_version')
        .all()
        .map((row) => versionRow.parse(row).version),
    );
    for (const step of migrations) {
      if (applied.has(step.version)) continue;
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.name,
        new Date().toISOString(),
      );
    }
  });
  apply.immediate();
}
