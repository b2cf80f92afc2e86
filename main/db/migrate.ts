// Brings a database to the schema this code understands, or refuses one written by newer code.
import type { Db } from './connection';
import { MIGRATIONS, type Migration } from './migrations/index';
import { writeTransaction } from './transaction';

export class DbFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    // Said to the lead at the unlock screen (and by the command line) after an older version was installed over a
    // newer one, or a folder was restored onto a PC not yet updated: nothing is opened or changed.
    super(
      `このデータフォルダは新しい版の Madoguchi で使われています（データベースの版 ${found}。この PC の Madoguchi は版 ${supported} まで）。` +
        'データを守るため、開かずに止めました。事務センターから届いた新しい版のインストーラーでこの PC を更新してから開いてください（古い版に戻すことはできません）',
    );
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
