// Erasure as the contract asks (第12条4–5): everything the retention plan lists is gone (the folder key first,
// the backups it can reach, the plaintext files it wrote, its own sent files — never a sibling's), what it
// cannot reach is listed for destruction by hand, and the signed 消去報告書 names no resident and verifies at HQ
// against the key the station registered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createVenueDataFolder } from '../store/data-folder';
import { cards, importTestLedger, tempDir, testKeys } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { backUp } from '../backup/back-up';
import { recordAccess } from '../access/access-record';
import { syncWorld } from '../testing/sync-fixtures';
import { exportSyncFile } from '../sync/export';
import { pullAndIngest } from '../sync/pull';
import { eraseFolder } from './erase-folder';
import { writeSetting } from '../store/settings';
import { ensureSigningKey } from '../sync/sync-keys';
import { rawPublicKey } from '../crypto/key-files';
import { erasureReportText, parseErasureReport } from './erasure-report';
import { verifyErasureReport } from './verify-erasure';
import { erasureReportHtml } from '../../shared/print/erasure-print';

const LIST = cards(1, 15);

test('erasure: folder, backups, written-out files and own sent files gone; unreachable ones listed; the report names no one', async (t) => {
  const clock = manualClock('2027-04-01T01:00:00Z');
  const dir = tempDir(t);
  const data = join(dir, 'data');
  const store = createVenueDataFolder(data, 'sogo', 'correct horse battery staple');
  importTestLedger(store, testKeys(), 'S1', LIST, { clock });
  mkdirSync(join(dir, 'usb'));
  mkdirSync(join(dir, 'usb2'));
  const kept = await backUp(store, clock, 'lead:lead1', { to: join(dir, 'usb'), reason: 'manual' });
  clock.advance(1000);
  const away = await backUp(store, clock, 'lead:lead1', { to: join(dir, 'usb2'), reason: 'manual' });
  assert.ok(kept.ok && away.ok);
  const csv = join(dir, 'uncollected.csv');
  writeFileSync(csv, LIST.map((c) => c.name).join('\n'));
  recordAccess(store.db, clock, {
    stationId: store.stationId,
    actor: 'lead:lead1',
    action: 'export',
    detail: { destination: csv, subjects: [] },
  });
  // A shared outbox beside the folder: the station's own files go, a sibling's stay.
  const outbox = join(dir, 'outbox');
  assert.ok(writeSetting(store.db, 'sync-outbox', '../outbox').ok);
  mkdirSync(outbox);
  writeFileSync(join(outbox, `${store.stationId}-00000001.sync`), 'sealed');
  writeFileSync(join(outbox, 'sogo-sibling-00000001.sync'), 'a sibling’s');

  // A report folder inside the folder to be erased is refused before anything is touched.
  const inside = eraseFolder(store, clock, { approval: 'A-1', reportDir: join(data, 'r'), actor: 'lead:lead1', actorName: '会場　責任者' });
  assert.ok(!inside.ok && inside.error.code === 'report-inside');
  assert.ok(existsSync(join(data, 'keyring.json')));

  // The second backup's medium was taken away before the erasure.
  rmSync(join(dir, 'usb2'), { recursive: true });

  const erased = eraseFolder(store, clock, {
    approval: 'A-1',
    reportDir: join(dir, 'report'),
    actor: 'lead:lead1',
    actorName: '会場　責任者',
  });
  assert.ok(erased.ok);
  const b = erased.value.body;
  assert.equal(existsSync(data), false, 'the folder, key and database, is gone');
  assert.equal(existsSync(kept.value.path), false);
  assert.equal(existsSync(csv), false);
  assert.deepEqual(readdirSync(outbox), ['sogo-sibling-00000001.sync']);
  assert.equal(b.checkedUnreadable, true);
  const by = Object.fromEntries(b.items.map((i) => [i.category, i]));
  assert.deepEqual(by['backups']!.erased, [kept.value.path]);
  assert.deepEqual(by['backups']!.byHand, [away.value.path], 'the medium taken away: destroyed by hand');
  assert.equal(by['resident-rows']!.count, 15);
  assert.equal(b.finalHeads.events.seq, 1);

  const json = readFileSync(erased.value.json, 'utf8');
  const html = erasureReportHtml(b, null);
  for (const c of LIST) for (const s of [c.name, c.reservationNo, c.address]) assert.ok(!json.includes(s) && !html.includes(s), s);
  assert.match(html, /消去報告書/);
  assert.ok(verifyErasureReport(json, null).ok);
  const edited = json.replace('"A-1"', '"A-2"');
  assert.deepEqual(verifyErasureReport(edited, null), { ok: false, error: '署名が合いません（報告書が書き換えられています）' });
  const unsigned = JSON.stringify({ body: JSON.parse(json).body });
  assert.deepEqual(verifyErasureReport(unsigned, null), { ok: false, error: '署名がありません' });
});

test('erasure verify at HQ: the key the station registered, a record not behind its last sync file', async (t) => {
  const clock = manualClock('2027-04-01T01:00:00Z');
  const w = syncWorld(t, clock, [
    { venue: 'toyosu', stationId: 'toyosu-st01' },
    { venue: 'toyosu', stationId: 'toyosu-st02' },
  ]);
  const a = w.stations['toyosu-st01']!;
  const other = ensureSigningKey(w.stations['toyosu-st02']!.db);
  recordAccess(a.db, clock, { stationId: a.stationId, actor: 'lead:lead1', action: 'sign-in' });
  const outbox = join(w.dir, 'outbox', a.stationId);
  assert.ok(exportSyncFile({ store: a, clock }, outbox).ok);
  await pullAndIngest({ db: w.hq.db, clock, recipient: w.inbox() }, [outbox]);
  const own = ensureSigningKey(a.db); // kept only to show what a report signed after a rewind would say
  const r = eraseFolder(a, clock, { approval: 'A-9', reportDir: join(w.dir, 'report'), actor: 'lead:lead1', actorName: 'l' });
  assert.ok(r.ok);
  // The file it sent went to another folder than its outbox setting names (as on a PC that was replaced): the
  // report says it is still out there, to be erased where it is.
  const sent = r.value.body.items.find((i) => i.category === 'sync-files')!;
  assert.deepEqual([sent.count, sent.erased, sent.byHand.map((p) => basename(p))], [1, [], [`${a.stationId}-00000001.sync`]]);
  const mine = readFileSync(r.value.json, 'utf8');
  const checked = verifyErasureReport(mine, w.hq.db);
  assert.ok(checked.ok && checked.value.registered);
  // Signed, but by another station's key: not the key st01 registered.
  const parsed = parseErasureReport(mine);
  assert.ok(parsed.ok);
  const forged = erasureReportText({ ...parsed.body, signingKey: rawPublicKey(other.publicKey).toString('base64') }, other.privateKey);
  const refused = verifyErasureReport(forged, w.hq.db);
  assert.ok(!refused.ok && /登録した鍵ではありません/.test(refused.error));
  // A record that ends before what its last sync file said (erased after a quiet rewind), signed by the station.
  const behind = erasureReportText(
    { ...parsed.body, finalHeads: { ...parsed.body.finalHeads, access: { seq: 0, chain: null } } },
    own.privateKey,
  );
  const rewound = verifyErasureReport(behind, w.hq.db);
  assert.ok(!rewound.ok && /最後の同期ファイルの時点（1件目）より前です/.test(rewound.error), JSON.stringify(rewound));
});
