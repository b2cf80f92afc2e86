// Every transaction that writes begins IMMEDIATE: it takes the write lock before it reads, so another connection
// writing (a command reading beside the app that records its look, a sibling's file being taken in) is waited
// out for busy_timeout. A deferred transaction that reads first and then writes cannot wait: SQLite refuses its
// upgrade at once with `database is locked` (SQLITE_BUSY_SNAPSHOT in WAL), whatever busy_timeout says.
// Inside another transaction it is a savepoint of that one, as any nested transaction is.
import type { Db } from './connection';

export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
