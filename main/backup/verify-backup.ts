// `backup verify`: the periodic check of a backup on its medium (別紙⑦ (6)), without restoring it. Each file
// against the manifest's size and sha256; the keyring opened with the venue passphrase; the database read
// page by page through the cipher's check, its chained records walked; the heads, counts and signing key it
// holds against what the manifest says; the manifest's signature against that key. Nothing is written to
// the medium, and nothing of the backup is decrypted to disk. The running app has no passphrase: it opens the
// copy with its own open folder's key instead (the keyring's db key never changes, only its sealing), after
// the keyring's unsealed identity says the backup is this station's.
import { createPublicKey, createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { err, ok, type Result } from '../../shared/result';
import { openDatabaseReadOnly, DbOpenError } from '../db/connection';
import { DB_FILE, KEYRING_FILE } from '../store/folder-files';
import { peekKeyring, unlockKeyring, type KeyringIdentity } from '../store/keyring';
import type { Db } from '../db/connection';
import { MANIFEST_FILE, manifestSigned, parseManifest, type BackupBody } from './manifest';
import { describeCopy } from './describe-copy';

export interface BackupChecked {
  readonly path: string;
  readonly body: BackupBody;
  /** The copy is whole, but the records it faithfully holds were changed at the station before it was taken. */
  readonly recordsProblem: string | null;
}

const CODE = '（コード: BACKUP-BAD）';

/** How the backup's database is opened: with the passphrase it was sealed under, or by the station's open folder. */
export type BackupOpener = { readonly passphrase: string } | (KeyringIdentity & { openCopy(file: string): Db });

export function verifyBackup(
  path: string,
  opener: BackupOpener,
): Result<BackupChecked, { code: 'bad' | 'wrong-passphrase'; message: string }> {
  const dir = resolve(path);
  const bad = (what: string) => err({ code: 'bad' as const, message: `バックアップ ${dir} は使えません: ${what}${CODE}` });
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return bad('フォルダがありません');
  if (!existsSync(join(dir, MANIFEST_FILE)))
    return bad(`${MANIFEST_FILE}（目録）がありません。Madoguchi のバックアップではないか、作成が途中で止まったものです`);
  const manifest = parseManifest(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  if (!manifest.ok) return bad(manifest.why);
  const { body, signature } = manifest;

  for (const f of body.files) {
    const file = join(dir, f.name);
    if (f.name.includes('/') || f.name.includes('\\')) return bad(`目録のファイル名 ${f.name} が不正です`);
    if (!existsSync(file)) return bad(`${f.name} がありません`);
    const bytes = readFileSync(file);
    if (bytes.length !== f.bytes)
      return bad(`${f.name} の大きさが目録と違います（${bytes.length} バイト、目録では ${f.bytes} バイト。途中で切れています）`);
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256)
      return bad(`${f.name} の中身が目録と違います（sha256 が一致しません。書き換えか媒体の傷み）`);
  }
  if (!body.files.some((f) => f.name === DB_FILE) || !body.files.some((f) => f.name === KEYRING_FILE))
    return bad(`目録に ${DB_FILE} と ${KEYRING_FILE} の両方がありません`);

  const opened = openBackupDb(join(dir, DB_FILE), readFileSync(join(dir, KEYRING_FILE), 'utf8'), opener);
  if (!opened.ok)
    return opened.error.code === 'wrong-passphrase'
      ? err({ code: 'wrong-passphrase', message: opened.error.message })
      : bad(opened.error.message);
  const { site, stationId } = opened.value;
  if (site !== body.site || stationId !== body.stationId) {
    opened.value.forget();
    return bad(`${KEYRING_FILE} は ${site}/${stationId} のもので、目録（${body.site}/${body.stationId}）と違います`);
  }

  let described;
  try {
    described = describeCopy(opened.value.open(), stationId);
  } catch (e) {
    if (e instanceof DbOpenError) return bad('データベースの先頭のページを読めません');
    throw e;
  } finally {
    opened.value.forget();
  }
  if (!described.ok) return bad(described.error);
  const facts = described.value;
  if (
    facts.signingKey !== body.signingKey ||
    !manifestSigned(body, signature, createPublicKey({ key: Buffer.from(facts.signingKey, 'base64'), format: 'der', type: 'spki' }))
  )
    return bad('目録の署名が、データベースにある端末の署名鍵で確かめられません（目録が書き換えられたか、別のバックアップのものです）');
  const differs = (
    [
      ['schemaVersion', facts.schemaVersion, body.schemaVersion],
      ['records', facts.records, body.records],
      ['counts', facts.counts, body.counts],
      ['lastSyncFile', facts.lastSyncFile, body.lastSyncFile],
      ['recordsBroken', facts.recordsBroken, body.recordsBroken],
    ] as const
  ).find(([, found, said]) => !isDeepStrictEqual(found, said));
  if (differs) return bad(`データベースの中身（${differs[0]}）が目録と違います`);
  return ok({ path: dir, body, recordsProblem: facts.recordsProblem });
}

/** The keyring's identity and a way to open the copy (deferred, so a DbOpenError is told apart in one place). */
function openBackupDb(
  file: string,
  keyring: string,
  opener: BackupOpener,
): Result<KeyringIdentity & { open(): Db; forget(): void }, { code: 'bad' | 'wrong-passphrase'; message: string }> {
  if ('passphrase' in opener) {
    const unlocked = unlockKeyring(keyring, opener.passphrase);
    if (!unlocked.ok)
      return unlocked.error.code === 'wrong-passphrase'
        ? err({ code: 'wrong-passphrase', message: `${unlocked.error.message}（バックアップを作った時点のパスフレーズです）` })
        : err({ code: 'bad', message: unlocked.error.message });
    const { site, stationId, dbKey } = unlocked.value;
    return ok({ site, stationId, open: () => openDatabaseReadOnly(file, dbKey), forget: () => dbKey.fill(0) });
  }
  const peeked = peekKeyring(keyring);
  if (!peeked.ok) return err({ code: 'bad', message: peeked.error.message });
  // Another station's (or another folder's) backup would not open with this key anyway; said plainly first.
  if (peeked.value.site !== opener.site || peeked.value.stationId !== opener.stationId)
    return err({
      code: 'bad',
      message: `この端末（${opener.site}/${opener.stationId}）のバックアップではありません（${peeked.value.site}/${peeked.value.stationId} のもの）`,
    });
  return ok({ ...peeked.value, open: () => opener.openCopy(file), forget: () => {} });
}
