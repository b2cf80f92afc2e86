// Backups as a lead relies on them: a consistent, still-encrypted copy with a signed manifest, whole or absent,
// the newest N kept; `verify` finds every kind of damage and names it, with the backup untouched.
import { test } from 'node:test';
import { BACKUP_PASS, backupStation, CLERK, ID_CHECK } from '../testing/backup-station';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cards } from '../testing/fixtures';
import { recordHandover } from '../counter/counter-service';
import { behindTheTrigger } from '../testing/damage';
import { mountTinyDisk, TINY_DISK_SKIP } from '../testing/tiny-disk';
import { backUp, storeOpener } from './back-up';
import { verifyBackup } from './verify-backup';
import { backupHistory, backupReminder } from './backup-record';
import { writeSetting } from '../store/settings';
import { retentionPlan } from '../retention/retention-plan';
import { backupOverdueText } from '../../shared/backup/backup-words';
import { tokyoDateTime } from '../../shared/tokyo-date';

const PASS = BACKUP_PASS;
const idCheck = ID_CHECK;
const clerk = CLERK;
const LIST = cards(1, 40);
const station = (t: { after(fn: () => void): void }) => backupStation(t, { cards: 40, handedOver: 5 });

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a backup is the folder as it was, encrypted, owner-only, with a signed manifest; verify opens it without writing to it', async (t) => {
  const { store, clock, dir } = station(t);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const made = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' });
  assert.ok(made.ok, JSON.stringify(made));
  const { path, body } = made.value;
  assert.deepEqual(readdirSync(usb), [`madoguchi-backup-${store.stationId}-20261125-100000`]);
  assert.deepEqual(readdirSync(path).sort(), ['keyring.json', 'madoguchi.db', 'manifest.json']);
  assert.equal(statSync(path).mode & 0o777, 0o700);
  for (const f of readdirSync(path)) assert.equal(statSync(join(path, f)).mode & 0o077, 0, `${f} is owner-only`);
  assert.equal(body.counts.residentRows, 40);
  // The import, three staff enrolled, the box's receipt, five handovers.
  assert.equal(body.counts.ownEvents, 10);
  assert.equal(body.records.events.seq, 10);

  // Work goes on after the snapshot: the backup still says, and holds, what it held then.
  assert.ok(recordHandover({ store, clock }, clerk, LIST[5]!.reservationNo, idCheck).ok);
  const before = Object.fromEntries(readdirSync(path).map((f) => [f, sha(join(path, f))]));
  const checked = verifyBackup(path, { passphrase: PASS });
  assert.ok(checked.ok, JSON.stringify(checked));
  assert.deepEqual(checked.value.body, body);
  assert.equal(checked.value.recordsProblem, null);
  assert.deepEqual(Object.fromEntries(readdirSync(path).map((f) => [f, sha(join(path, f))])), before, 'verify wrote nothing to the medium');

  // No resident's name, kana, address or reservation number readable anywhere on the medium.
  for (const f of readdirSync(path)) {
    const bytes = readFileSync(join(path, f));
    for (const c of LIST.slice(0, 10))
      for (const s of [c.name, c.kana, c.address, c.reservationNo]) {
        assert.ok(!bytes.includes(Buffer.from(s, 'utf8')), `${s} in ${f}`);
        assert.ok(!bytes.includes(Buffer.from(s, 'utf16le')), `${s} (UTF-16) in ${f}`);
      }
  }
  // The backup is a use of every resident's data: in the access record, with who and where.
  assert.deepEqual(
    backupHistory(store.db).map((b) => [b.path, b.by, b.reason, b.lastCheck?.ok]),
    [[path, 'lead:lead1', 'manual', true]],
  );
});

test('verify names what is wrong with a damaged, cut, edited or mixed-up backup, and a wrong passphrase', async (t) => {
  const { store, clock, dir } = station(t);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const fresh = async () => {
    clock.advance(1_000);
    const made = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' });
    assert.ok(made.ok);
    return made.value.path;
  };
  const problem = (path: string, pass = PASS) => {
    const r = verifyBackup(path, { passphrase: pass });
    assert.ok(!r.ok, 'refused');
    return r.error.message;
  };
  const rewriteManifest = (path: string, edit: (m: { body: Record<string, unknown>; signature: string }) => void) => {
    const m = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    edit(m);
    writeFileSync(join(path, 'manifest.json'), JSON.stringify(m));
  };
  // Keep them all for this test.
  writeSetting(store.db, 'backup-keep', '50');

  const flipped = await fresh();
  const db = join(flipped, 'madoguchi.db');
  const bytes = readFileSync(db);
  bytes[8192 + 100]! ^= 0xff;
  writeFileSync(db, bytes);
  assert.match(problem(flipped), /madoguchi\.db の中身が目録と違います（sha256/);
  // The same damage with the manifest's hash made to agree: the cipher's tag on that page still tells.
  rewriteManifest(flipped, (m) => {
    const files = m.body.files as { name: string; sha256: string }[];
    files.find((f) => f.name === 'madoguchi.db')!.sha256 = sha(db);
  });
  assert.match(problem(flipped), /(読めないページ|整合性の検査で問題)/);

  const cut = await fresh();
  truncateSync(join(cut, 'madoguchi.db'), 4096);
  assert.match(problem(cut), /madoguchi\.db の大きさが目録と違います.*途中で切れています/);

  const edited = await fresh();
  rewriteManifest(edited, (m) => ((m.body.counts as { residentRows: number }).residentRows = 41));
  assert.match(problem(edited), /目録の署名が.*確かめられません/);

  const noManifest = await fresh();
  writeFileSync(join(noManifest, 'manifest.json'), '{"body": {"format": "madoguchi-backup"');
  assert.match(problem(noManifest), /manifest\.json が JSON として読めません/);

  assert.match(problem(await fresh(), 'not the passphrase'), /パスフレーズが違います/);
  assert.match(problem(join(usb, 'nothing-here')), /フォルダがありません/);

  // Another station's database in this backup's folder, its hash written into the manifest: not this backup.
  const other = station(t);
  const otherUsb = join(other.dir, 'usb');
  mkdirSync(otherUsb);
  const theirs = await backUp(other.store, other.clock, 'lead:lead1', { to: otherUsb, reason: 'manual' });
  assert.ok(theirs.ok);
  const mixed = await fresh();
  writeFileSync(join(mixed, 'madoguchi.db'), readFileSync(join(theirs.value.path, 'madoguchi.db')));
  rewriteManifest(mixed, (m) => {
    const files = m.body.files as { name: string; sha256: string; bytes: number }[];
    const f = files.find((x) => x.name === 'madoguchi.db')!;
    f.sha256 = sha(join(mixed, 'madoguchi.db'));
    f.bytes = statSync(join(mixed, 'madoguchi.db')).size;
  });
  assert.match(problem(mixed), /先頭のページを読めません/, 'their database does not open with this keyring');
});

test('the newest N backups of a station are kept, a crash leftover is cleared, another station’s are never touched', async (t) => {
  const { store, clock, dir } = station(t);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  writeSetting(store.db, 'backup-keep', '2');
  mkdirSync(join(usb, 'madoguchi-backup-sogo-zzzz01-20261101-100000'));
  mkdirSync(join(usb, `.partial-madoguchi-backup-${store.stationId}-madoguchi-backup-${store.stationId}-20261120-100000`));
  const paths: string[] = [];
  for (let i = 0; i < 4; i++) {
    clock.advance(60_000);
    const made = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'day-close' });
    assert.ok(made.ok);
    paths.push(made.value.path);
  }
  assert.deepEqual(
    readdirSync(usb).sort(),
    ['madoguchi-backup-sogo-zzzz01-20261101-100000', ...paths.slice(2).map((p) => p.slice(usb.length + 1))].sort(),
  );
  // The ones the station removed itself are gone from its list (not "見当たりません", nothing to destroy by hand).
  assert.deepEqual(
    backupHistory(store.db).map((b) => b.path),
    paths.slice(2),
  );
  const planned = retentionPlan(store).categories.find((c) => c.id === 'backups')!;
  assert.deepEqual([planned.count, planned.places.every((p) => p.present)], [2, true]);
});

test('no folder, or a full medium: said in Japanese, and nothing half-written is left on the medium', async (t) => {
  const { store, clock } = station(t);
  const notSet = await backUp(store, clock, 'lead:lead1', { reason: 'day-close' });
  assert.ok(!notSet.ok && notSet.error.code === 'not-set');
  assert.match(notSet.error.message, /バックアップ先が決まっていません/);
  const missing = await backUp(store, clock, 'lead:lead1', { to: '/nonexistent/usb', reason: 'manual' });
  assert.ok(!missing.ok);
  assert.match(missing.error.message, /USBメモリなどの媒体を差し込み.*BACKUP-NO-FOLDER/);

  const disk = mountTinyDisk(t, '64k');
  if (disk === null) return t.skip(TINY_DISK_SKIP);
  const full = await backUp(store, clock, 'lead:lead1', { to: disk, reason: 'manual' });
  assert.ok(!full.ok, 'a 64 KiB medium cannot hold the folder');
  assert.match(full.error.message, /空きが足りない.*途中まで書いたものは消しました.*BACKUP-DISK-FULL/);
  assert.deepEqual(readdirSync(disk), []);
  assert.deepEqual(backupHistory(store.db), [], 'no backup recorded');
});

test('a folder whose records were changed is still backed up, faithfully, and both the backup and its check say so', async (t) => {
  const { store, clock, dir } = station(t);
  behindTheTrigger(store.db, 'events', `DELETE FROM events WHERE station_id = '${store.stationId}' AND seq = 3`);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const made = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' });
  assert.ok(made.ok);
  assert.match(made.value.recordsProblem ?? '', /RECORD-TAMPERED/);
  assert.deepEqual(made.value.body.recordsBroken, { record: 'events', seq: 3 });
  const checked = verifyBackup(made.value.path, { passphrase: PASS });
  assert.ok(checked.ok);
  assert.match(checked.value.recordsProblem ?? '', /3件目がありません/);
});

test('the lead is reminded when no backup has been known good for the days set', async (t) => {
  const { store, clock, dir } = station(t);
  assert.equal(backupReminder(store.db, clock.now(), 3).overdue, true, 'none yet');
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  assert.ok((await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'day-close' })).ok);
  assert.equal(backupReminder(store.db, clock.now(), 3).overdue, false);
  clock.advance(3 * 86_400_000 + 60_000);
  const later = backupReminder(store.db, clock.now(), 3);
  assert.equal(later.overdue, true);
  assert.equal(later.goneFromMedium, false, 'overdue says it first');
  assert.ok(existsSync(usb));
});

test('a backup checked in time but no longer on its medium leaves none at hand: the reminder says so', async (t) => {
  const { store, clock, dir } = station(t);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const first = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'day-close' });
  assert.ok(first.ok);
  const at = clock.now().toISOString();
  assert.deepEqual(backupReminder(store.db, clock.now(), 3), { lastGood: at, checkDays: 3, overdue: false, goneFromMedium: false });

  // The USB stick taken away (or the backup pruned): the record still says checked, the medium has nothing.
  clock.advance(60_000);
  const gone = backupReminder(store.db, clock.now(), 3, () => false);
  assert.deepEqual(gone, { lastGood: at, checkDays: 3, overdue: false, goneFromMedium: true });
  assert.equal(backupOverdueText(gone), `確認済みのバックアップが媒体に見当たりません（最後: ${tokyoDateTime(at)}）`);
  rmSync(first.value.path, { recursive: true });
  assert.equal(backupReminder(store.db, clock.now(), 3).goneFromMedium, true, 'what is on disk now, by default');

  // An older one still there does not count once it is past the days set; a new one at hand does.
  clock.advance(4 * 86_400_000);
  assert.deepEqual(
    [backupReminder(store.db, clock.now(), 3).overdue, backupReminder(store.db, clock.now(), 3).goneFromMedium],
    [true, false],
  );
  const second = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' });
  assert.ok(second.ok);
  assert.deepEqual(backupReminder(store.db, clock.now(), 3).goneFromMedium, false);
  assert.equal(backupOverdueText(backupReminder(store.db, clock.now(), 3)), null);
});

test('the running app checks a backup with its own open folder, no passphrase: the same damage found, another station’s refused', async (t) => {
  const { store, clock, dir } = station(t);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const made = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'day-close' });
  assert.ok(made.ok);
  const checked = verifyBackup(made.value.path, storeOpener(store));
  assert.ok(checked.ok, JSON.stringify(checked));
  assert.deepEqual(checked.value.body, made.value.body);

  // One byte flipped, the manifest's hash made to agree: the cipher's tag on that page tells, as with the passphrase.
  const db = join(made.value.path, 'madoguchi.db');
  const bytes = readFileSync(db);
  bytes[8192 + 100]! ^= 0xff;
  writeFileSync(db, bytes);
  const m = JSON.parse(readFileSync(join(made.value.path, 'manifest.json'), 'utf8'));
  m.body.files.find((f: { name: string }) => f.name === 'madoguchi.db').sha256 = sha(db);
  writeFileSync(join(made.value.path, 'manifest.json'), JSON.stringify(m));
  const damaged = verifyBackup(made.value.path, storeOpener(store));
  assert.ok(!damaged.ok);
  assert.match(damaged.error.message, /(読めないページ|整合性の検査で問題)/);

  const other = station(t);
  const theirs = await backUp(other.store, other.clock, 'lead:lead1', { to: usb, reason: 'manual' });
  assert.ok(theirs.ok);
  const refused = verifyBackup(theirs.value.path, storeOpener(store));
  assert.ok(!refused.ok);
  assert.match(refused.error.message, /この端末（toyosu\/.*）のバックアップではありません/);
});
