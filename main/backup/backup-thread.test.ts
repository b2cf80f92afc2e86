// The app's backups in a worker thread: the same backup and check as in the caller's thread, the station's own
// thread free meanwhile (a counter goes on recording handovers while 今すぐバックアップ runs), one job at a
// time, and a fault in the thread said as it would be here.
import { test } from 'node:test';
import { BACKUP_PASS, backupStation, CLERK as clerk, ID_CHECK as idCheck } from '../testing/backup-station';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cards } from '../testing/fixtures';
import { recordHandover } from '../counter/counter-service';
import { backUp, checkBackup } from './back-up';
import { verifyBackup } from './verify-backup';
import { backupHistory } from './backup-record';
import { sourceWorkerThread } from './source-worker';
import { sameThread, workerThread } from './backup-thread';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PASS = BACKUP_PASS;
const LIST = cards(1, 60);

function station(t: { after(fn: () => void): void }) {
  const { store, clock, dir } = backupStation(t, { cards: 60 });
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  return { store, clock, usb };
}

/** How many times a 5 ms timer fired while `work` ran: 0 when the work held the thread. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

test('a backup made and checked in the worker is the same backup, and the station records handovers meanwhile', async (t) => {
  const { store, clock, usb } = station(t);
  const thread = sourceWorkerThread();
  let done = false;
  let handedOverMeanwhile = 0;
  const made = backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' }, thread).finally(() => (done = true));
  // The counter's own thread goes on while the copy is made and read back (in the caller's thread, the backup
  // would be over before the first of these ran).
  for (const c of LIST.slice(0, 3)) {
    await new Promise((r) => setTimeout(r, 1));
    if (recordHandover({ store, clock }, clerk, c.reservationNo, idCheck).ok && !done) handedOverMeanwhile++;
  }
  const r = await made;
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  assert.equal(handedOverMeanwhile, 3, 'handovers recorded while the backup ran');
  // A consistent snapshot: a backup that verifies (whether or not it caught the handovers made meanwhile).
  const opened = verifyBackup(r.value.path, { passphrase: PASS });
  assert.ok(opened.ok, JSON.stringify(!opened.ok && opened.error));
  assert.deepEqual(
    backupHistory(store.db).map((b) => [b.path, b.reason]),
    [[r.value.path, 'manual']],
    'recorded on the station’s connection, with who',
  );
  const checked = await checkBackup(store, clock, 'lead:lead1', r.value.path, thread);
  assert.ok(checked.ok);
  assert.equal(backupHistory(store.db)[0]!.lastCheck?.ok, true);

  // The same work in the caller's thread holds it: no timer fires until it is done.
  clock.advance(60_000);
  assert.equal(await ticksDuring(() => checkBackup(store, clock, 'lead:lead1', r.value.path, sameThread())), 0);
  assert.ok((await ticksDuring(() => checkBackup(store, clock, 'lead:lead1', r.value.path, thread))) > 0);
});

test('worker jobs run one at a time, and a fault in the thread is said as here: a missing medium in words, a disk error with its code', async (t) => {
  const { store, clock, usb } = station(t);
  const thread = sourceWorkerThread();
  const [a, b] = await Promise.all([
    backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' }, thread),
    backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' }, thread),
  ]);
  assert.ok(a.ok && b.ok);
  assert.notEqual(a.value.path, b.value.path, 'two backups, not one overwritten');
  assert.equal(readdirSync(usb).length, 2, 'both whole; no leftover of one run cleared by the other');

  const gone = await backUp(store, clock, 'lead:lead1', { to: join(usb, 'unplugged'), reason: 'manual' }, thread);
  assert.ok(!gone.ok && gone.error.code === 'no-destination' && /バックアップ先のフォルダ .* がありません/.test(gone.error.message));

  const thrown = await thread
    .run({
      kind: 'create',
      dbFile: join(usb, 'no.db'),
      key: store.keyCopy(),
      dir: store.dir,
      site: 'toyosu',
      stationId: store.stationId,
      actor: 'lead:lead1',
      destination: usb,
      reason: 'manual',
      keep: 3,
      at: clock.now().toISOString(),
    })
    .then(
      () => null,
      (e: { code?: string }) => e,
    );
  assert.equal(thrown?.code, 'SQLITE_CANTOPEN');
  // The thread still serves the next job.
  assert.ok((await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' }, thread)).ok);
});

test('the Electron build’s bundled worker makes the same backup (no tsx in the installed app)', async (t) => {
  const { store, clock, usb } = station(t);
  // Inside the checkout, so the bundle finds the native SQLite module in node_modules as the app finds its own.
  const out = join(REPO, 'node_modules', '.cache', 'madoguchi-test', `electron-build-${process.pid}`);
  t.after(() => rmSync(out, { recursive: true, force: true }));
  execFileSync(process.execPath, [join(REPO, 'scripts', 'build-electron.mjs'), '--out', out], { cwd: REPO, stdio: 'pipe' });
  const made = await backUp(
    store,
    clock,
    'lead:lead1',
    { to: usb, reason: 'manual' },
    workerThread(join(out, 'main', 'backup-worker.cjs')),
  );
  assert.ok(made.ok, JSON.stringify(!made.ok && made.error));
  assert.ok(verifyBackup(made.value.path, { passphrase: PASS }).ok);
});
