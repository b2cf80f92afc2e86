// Where backups go, set by the lead on the backup page (or HQ staff for HQ's own folder). The folder is checked
// before it is saved, so the first 日締め after it does not find out: a lead types or picks it once and walks
// away. The change (who, old → new) is written to the access record: where copies of every resident's data go
// is a fact of their handling (別紙⑦), so it sits beside the backups themselves.
import { isWithin } from '../files/within';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Clock } from '../clock';
import type { HqStore, VenueStore } from '../store/data-folder';
import { readSetting, writeSetting } from '../store/settings';
import { recordAccess } from '../access/access-record';
import { writeTransaction } from '../db/transaction';
import { err, ok, type Result } from '../../shared/result';
import { backupFolder } from './back-up';

export interface BackupSettings {
  readonly folder: string;
  readonly keep: number;
  readonly checkDays: number;
}

type Refusal = { readonly code: 'invalid-input'; readonly message: string };

/** The folder as it will be saved, or why it cannot take backups, in words naming what is wrong. */
export function checkBackupDestination(store: VenueStore | HqStore, typed: string): Result<string, Refusal> {
  const refuse = (message: string) => err({ code: 'invalid-input' as const, message });
  // A relative path would be read from the data folder (as `madoguchi settings` does): on the page that is a
  // folder inside the data folder, which is no backup at all, so the lead gives the whole place.
  if (!isAbsolute(typed))
    return refuse(
      `「${typed}」はフォルダの場所の途中からの書き方です。E:\\madoguchi（Windows）や /media/usb/madoguchi のように、ドライブやルートから始まる場所を入力してください`,
    );
  const folder = resolve(typed);
  // Not made when missing: a missing folder is most often a USB stick not plugged in or a typo, and making it
  // would put the backups on the station's own disk without anyone noticing. The dialog can make one.
  if (!existsSync(folder))
    return refuse(
      `フォルダ「${folder}」が見つかりません。USBメモリが差してあるか、場所の書き間違いがないかを確かめてください（フォルダはここでは作りません）`,
    );
  if (!statSync(folder).isDirectory()) return refuse(`「${folder}」はファイルです。バックアップを置くフォルダを指定してください`);
  const real = realpathSync.native(folder);
  const dataDir = realpathSync.native(store.dir);
  if (isWithin(real, dataDir))
    return refuse(
      `フォルダ「${folder}」はこの端末のデータフォルダ（${store.dir}）の中です。パソコンが壊れたときに一緒に失われないよう、USBメモリなど別の場所を選んでください`,
    );
  const outbox = resolve(store.dir, readSetting(store.db, 'sync-outbox'));
  const outboxReal = existsSync(outbox) ? realpathSync.native(outbox) : outbox;
  if (isWithin(real, outboxReal))
    return refuse(
      `フォルダ「${folder}」は同期ファイルの送信用フォルダ（${outbox}）${real === outboxReal ? '' : 'の中'}です。ほかの端末や事務センターが読み取る場所なので、バックアップには別のフォルダを選んでください`,
    );
  if (!writable(folder))
    return refuse(
      `フォルダ「${folder}」に書き込めません（書き込み禁止のUSBメモリか、書き込む権限のないフォルダです）。別のフォルダを選んでください`,
    );
  return ok(folder);
}

/** Checks the folder, then saves the three settings and records the change (nothing is written when refused). */
export function saveBackupSettings(
  store: VenueStore | HqStore,
  clock: Clock,
  actor: string,
  wanted: BackupSettings,
): Result<BackupSettings, Refusal> {
  const checked = checkBackupDestination(store, wanted.folder);
  if (!checked.ok) return checked;
  const before = {
    folder: backupFolder(store),
    keep: readSetting(store.db, 'backup-keep'),
    checkDays: readSetting(store.db, 'backup-check-days'),
  };
  const after = { folder: checked.value, keep: wanted.keep, checkDays: wanted.checkDays };
  if (before.folder === after.folder && before.keep === after.keep && before.checkDays === after.checkDays) return ok(after);
  writeTransaction(store.db, () => {
    for (const [key, value] of [
      ['backup-folder', after.folder],
      ['backup-keep', String(after.keep)],
      ['backup-check-days', String(after.checkDays)],
    ] as const) {
      const saved = writeSetting(store.db, key, value);
      // The contract's bounds are the settings' own (shared/backup/backup-limits.ts): this cannot be refused.
      if (!saved.ok) throw new Error(`${key} refused after the contract's check`);
    }
    recordAccess(store.db, clock, {
      stationId: store.stationId,
      actor,
      action: 'backup-settings',
      subject: null,
      detail: {
        folderFrom: before.folder,
        folderTo: after.folder,
        keepFrom: before.keep,
        keepTo: after.keep,
        checkDaysFrom: before.checkDays,
        checkDaysTo: after.checkDays,
      },
    });
  });
  store.noteCommitted();
  return ok(after);
}

/** Whether a file can be made and removed there (a read-only stick, a share without rights: no). */
/** Whether a file can be written there now (a write-protected USB stick, a folder without the right): tried, not guessed. */
export function writable(folder: string): boolean {
  const probe = join(folder, `.madoguchi-write-check-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(probe, '', { flag: 'wx', mode: 0o600 });
    unlinkSync(probe);
    return true;
  } catch {
    return false;
  }
}
