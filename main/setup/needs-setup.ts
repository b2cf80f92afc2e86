// Whether a station is new: where its data folder should be there is nothing, or an empty folder (made by an
// installer or a person), or a place this user may not even look into (the setup's first step then says so, with
// what to ask for, instead of an unlock screen for a folder that is not there). Anything else — a keyring, a
// database, a stray file — is never set up over: the window shows the unlock screen, and support looks.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writable } from '../backup/backup-destination';

export function needsSetup(dataDir: string): boolean {
  try {
    return statSync(dataDir).isDirectory() && readdirSync(dataDir).length === 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' || code === 'EACCES' || code === 'EPERM';
  }
}

/**
 * Why the data folder cannot be made where it goes, or null: it is made beside that place and renamed into it, so
 * the nearest folder above it that exists must be writable by this user.
 */
export function cannotMakeFolder(dataDir: string): string | null {
  let above = dirname(dataDir);
  while (!existsSync(above) && dirname(above) !== above) above = dirname(above);
  if (writable(above)) return null;
  return (
    `この端末のデータフォルダ（${dataDir}）を作れません: ${above} に書き込む権限がありません。` +
    'Windows ではシステム管理者に、Linux では madoguchi グループに入れてもらい、ログインし直してから開いてください'
  );
}
