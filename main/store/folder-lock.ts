// One owner per data folder (issue 13): the program that works on a folder (the app or `serve` once unlocked, a
// command line that writes) holds an OS-level lock on it for as long as its store is open, so a second one is
// refused before it touches the database, and told which program holds it. Two writers on one folder were the
// fault: each transaction of one failed with `database is locked` while the other worked, and two creators each
// wrote their own key. The lock is the OS's (through SQLite, on `owner.lock`), so a crashed owner's lock goes
// with its process; `owner.json` beside it only says who holds it (program, process id, computer, since when):
// nothing personal, and never trusted for anything but that sentence.
import { readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { tokyoDateTime } from '../../shared/tokyo-date';
import { holdExclusiveLock } from '../db/connection';
import { writeFileAtomic } from '../files/atomic-write';
import { LOCK_FILE, OWNER_FILE } from './folder-files';

export interface FolderLock {
  release(): void;
}

const Owner = z.strictObject({
  program: z.string().max(80),
  pid: z.number().int().nonnegative(),
  host: z.string().max(255),
  since: z.string().max(40),
});
type Owner = z.infer<typeof Owner>;

/** This program as people call it: the app, or `madoguchi` and its command (never its arguments). */
export function thisProgram(argv: readonly string[] = process.argv, versions: NodeJS.ProcessVersions = process.versions): string {
  if (versions.electron !== undefined) return 'Madoguchi（アプリ）';
  const words: string[] = [];
  // Command names only: a path or any other argument a person typed is not repeated to another program.
  for (const a of argv.slice(2)) {
    if (!/^[a-z][a-z-]{0,30}$/.test(a) || words.length === 2) break;
    words.push(a);
  }
  return ['madoguchi', ...words].join(' ').slice(0, 80);
}

export function lockFolder(
  dir: string,
  now: Date = new Date(),
  program: string = thisProgram(),
): Result<FolderLock, { code: 'in-use'; message: string }> {
  const held = holdExclusiveLock(join(dir, LOCK_FILE));
  if (held === null) return err({ code: 'in-use', message: inUseMessage(readOwner(dir)) });
  const owner: Owner = { program, pid: process.pid, host: hostname().slice(0, 255), since: now.toISOString() };
  try {
    writeFileAtomic(join(dir, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  } catch {
    // Only the sentence a second opener reads is lost; the lock itself holds.
  }
  return ok({
    release() {
      rmSync(join(dir, OWNER_FILE), { force: true });
      held.release();
    },
  });
}

function readOwner(dir: string): Owner | null {
  try {
    const parsed = Owner.safeParse(JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function inUseMessage(owner: Owner | null): string {
  const who =
    owner === null
      ? '別のプログラム'
      : `別のプログラム（${owner.program}、プロセス番号 ${owner.pid}、${owner.host === hostname() ? 'このコンピューター' : `コンピューター ${owner.host}`}、${sinceText(owner.since)}から）`;
  return `このデータフォルダは${who}が使用中です。同じフォルダを二つのプログラムで同時に使うと記録が失われるため、開きません。そのプログラムを終了してから、もう一度お試しください。窓口のアプリが開いているなら、日締めや取込はアプリの会場責任者メニュー（F4）から行えます（コード: FOLDER-IN-USE）`;
}

/** The owner's start, as every moment is shown (a note not in that form is not repeated). */
function sinceText(iso: string): string {
  const shown = tokyoDateTime(iso);
  return shown === iso ? '不明な時刻' : shown;
}
