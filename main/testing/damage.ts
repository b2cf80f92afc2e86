// Damage done to a closed data folder's database the way disks and people do it, for the fault tests, and a
// fingerprint of the folder to show that a refused open wrote nothing.
import { LOCK_FILE } from '../store/folder-files';
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

const PAGE = 4096;

/** Bytes 100..4096 of page 1 (everything after SQLite's 100-byte header area) overwritten with random bytes. */
export function overwritePage1(file: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(PAGE - 100), 0, PAGE - 100, 100);
  closeSync(fd);
}

/** The file cut to half its size, as an interrupted copy leaves it. */
export function truncateToHalf(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 2));
}

/** One bit of one byte flipped inside page `which` ('middle' or 'last' of the file). */
export function flipByte(file: string, which: 'middle' | 'last'): void {
  const pages = Math.floor(statSync(file).size / PAGE);
  const page = which === 'middle' ? Math.floor(pages / 2) : pages - 1;
  const at = page * PAGE + 2000;
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0x10;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
}

/** Every file in the folder with a hash of its bytes: equal before and after means nothing was written there. */
export function folderFingerprint(dir: string): string[] {
  // The owner lock is not data: an open that is refused still took (and let go of) the folder first.
  return readdirSync(dir)
    .filter((f) => f !== LOCK_FILE)
    .sort()
    .map(
      (f) =>
        `${f} ${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex')}`,
    );
}

/**
 * A change made the way the issue 14 audit made it, with the folder's passphrase: the append-only guards dropped,
 * the SQL run, the guards put back exactly as they were, so the folder looks untouched.
 */
export function behindTheTrigger(db: { exec(sql: string): unknown }, table: 'access_records' | 'events', sql: string): void {
  const name = table === 'events' ? 'events_are_append_only' : 'access_records_are_append_only';
  const what = table === 'events' ? 'events are append-only' : 'access records are append-only';
  db.exec(`DROP TRIGGER ${name}_delete; DROP TRIGGER ${name}_update;`);
  db.exec(sql);
  db.exec(`CREATE TRIGGER ${name}_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;
           CREATE TRIGGER ${name}_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`);
}
