// Brings a database to the schema this code understands, or refuses one written by newer code.
import type { Db } from './connection';
import { MIGRATIONS, type Migration } from './migrations/index';
import { writeTransaction } from './transaction';

export class DbFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema version ${found} is newer than this Madoguchi understands (${supported}); update Madoguchi`);
    this.name = 'DbFromFutureError';
  }
}

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS);

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Runs every pending migration (up to `target`) in one transaction; returns the versions applied. */
export function migrate(db: Db, target: number = LATEST_SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations);
  const current = schemaVersion(db);
  const supported = latestVersion(migrations);
  if (current > supported) throw new DbFromFutureError(current, supported);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  writeTransaction(db, () => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  return pending.map((m) => m.version);
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list is out of order at ${m.name}: expected version ${i + 1}`);
  });
}
