// A station on headquarters' data folder: HQ staff sign in, see the ledgers HQ built and print a venue's
// ledger with its 控え; the counter and the venue lead's channels do not exist there.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createDataFolder, createVenueDataFolder, openDataFolder, openVenueDataFolder, type HqStore } from '../store/data-folder';
import { createStation } from './station';
import { createPreviewPrinter } from '../print/printer';
import { enrollStaff } from '../auth/staff';
import { recordBuiltLedgers } from '../hq/hq-ledgers';
import { revokeStation } from '../sync/revocation';
import { card, cards, tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { ledgerPageCount } from '../../shared/print/ledger-print';
import { syncWorld } from '../testing/sync-fixtures';
import { createHqApp } from './create-hq-app';
import { recordHandover } from '../counter/counter-service';
import { exportSyncFile } from '../sync/export';
import type { IdCheck } from '../../shared/counter/id-documents';

const PASS = 'hq-passphrase-1';
const settle = () => new Promise((r) => setImmediate(r));

function hqFolder(t: { after(fn: () => void): void }) {
  const dir = join(tempDir(t), 'hq');
  const clock = manualClock('2026-11-25T01:00:00Z');
  const store = createDataFolder(dir, 'hq', PASS, 'hq-test01').store as HqStore;
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'hq1', displayName: '本部　一', role: 'hq', pin: '8888' });
  recordBuiltLedgers({ store, clock }, 'cli', 'S1', '2026-11-20T00:00:00.000Z', [
    { venue: 'toyosu', fileSha256: 'a'.repeat(64), cards: cards(1, 25) },
    { venue: 'sogo', fileSha256: 'b'.repeat(64), cards: [card(100, { name: '大島　花子', town: '大島', chome: 3 })] },
  ]);
  store.close();
  return { dir, clock };
}

describe('headquarters station', () => {
  test('unlocks as HQ, lists the ledgers HQ built, prints a venue ledger with its 控え and notes it', async (t) => {
    const { dir, clock } = hqFolder(t);
    const printer = createPreviewPrinter();
    const station = createStation(dir, clock, () => {}, { printer });
    t.after(() => station.close());
    assert.deepEqual(await station.invoke('station:status', {}, 'w'), {
      ok: true,
      value: { unlocked: false, hq: true, venue: null, stationId: 'hq-test01', stationName: null, stationLabel: null, freeSpace: null },
    });
    assert.ok(station.unlock(PASS));
    assert.ok((await station.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'w')).ok);
    const listed = await station.invoke('hq:ledgers', {}, 'w');
    assert.deepEqual(listed.ok && (listed.value as { venue: string; rowCount: number }[]).map((l) => [l.venue, l.rowCount]), [
      ['sogo', 1],
      ['toyosu', 25],
    ]);

    const r = await station.invoke('print:document', { document: 'ledger', shipmentId: 'S1', venue: 'toyosu', order: 'town' }, 'w');
    assert.ok(r.ok, JSON.stringify(r));
    const out = r.value as { pages: number; preview: string };
    assert.equal(out.pages, 2 * ledgerPageCount(25));
    const html = printer.get(out.preview.slice('/__print/'.length))!.html;
    for (const c of cards(1, 25)) assert.ok(html.includes(c.reservationNo));
    assert.ok(html.includes('控え') && html.includes('豊洲シビックセンター'));
    assert.ok(!html.includes('大島　花子'), 'only that venue’s rows');

    const sogo = await station.invoke('print:document', { document: 'ledger', shipmentId: 'S1', venue: 'sogo', order: 'reservation' }, 'w');
    assert.ok(sogo.ok);
    assert.ok(printer.get((sogo.value as { preview: string }).preview.slice('/__print/'.length))!.html.includes('大島　花子'));
    await station.close();
    await settle();

    // The access record names who printed which shipment for which venue.
    const opened = openDataFolder(dir, PASS);
    assert.ok(opened.ok);
    const reopened = opened.value.store;
    t.after(() => reopened.close());
    const rows = reopened.db.prepare("SELECT actor, subject, detail FROM access_records WHERE action = 'print' ORDER BY seq").all() as {
      actor: string;
      subject: string;
      detail: string;
    }[];
    assert.deepEqual(
      rows.map((x) => [x.actor, x.subject, JSON.parse(x.detail).rows]),
      [
        ['hq:hq1', 'S1/toyosu', 25],
        ['hq:hq1', 'S1/sogo', 1],
      ],
    );
  });

  test('refuses what HQ does not have: another shipment, a ledger without its venue, the counter, a daily report', async (t) => {
    const { dir, clock } = hqFolder(t);
    const station = createStation(dir, clock, () => {});
    t.after(() => station.close());
    station.unlock(PASS);
    await station.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'w');
    const other = await station.invoke('print:document', { document: 'ledger', shipmentId: 'S9', venue: 'toyosu', order: 'town' }, 'w');
    assert.ok(!other.ok && other.error.code === 'not-found');
    const noVenue = await station.invoke('print:document', { document: 'ledger', shipmentId: 'S1', order: 'town' }, 'w');
    assert.ok(!noVenue.ok && noVenue.error.code === 'not-found');
    const wrongVenue = await station.invoke(
      'print:document',
      { document: 'ledger', shipmentId: 'S1', venue: 'honchosha', order: 'town' },
      'w',
    );
    assert.ok(!wrongVenue.ok && wrongVenue.error.code === 'not-found');
    const daily = await station.invoke('print:document', { document: 'daily-report', date: '2026-11-25' }, 'w');
    assert.ok(!daily.ok && daily.error.code === 'unavailable');
    // HQ staff cannot use the counter anywhere (role), and HQ's folder has no counter at all.
    const scan = await station.invoke('counter:scan', { code: 'T00-000001', source: 'manual' }, 'w');
    assert.ok(!scan.ok && scan.error.code === 'forbidden');
    const status = await station.invoke('counter:status', {}, 'w');
    assert.ok(!status.ok && status.error.code === 'unavailable');
    const signedOut = await station.invoke('hq:ledgers', {}, 'other-window');
    assert.ok(!signedOut.ok && signedOut.error.code === 'signed-out');
  });

  test('a venue station does not answer hq:ledgers, and opening HQ’s folder as a venue is refused', async (t) => {
    const { dir } = hqFolder(t);
    const asVenue = openVenueDataFolder(dir, PASS);
    assert.ok(!asVenue.ok && asVenue.error.code === 'mismatch');
    const venueDir = join(tempDir(t), 'v');
    const clock = manualClock('2026-11-25T01:00:00Z');
    const v = createVenueDataFolder(venueDir, 'toyosu', PASS, 'toyosu-st01');
    // An hq account cannot be made at a venue (site-roles.test.ts); the venue's own lead asks.
    enrollStaff(v.db, clock, v.stationId, 'test', { staffId: 'lead1', displayName: '会場　責任者', role: 'lead', pin: '9999' });
    v.close();
    const station = createStation(venueDir, clock, () => {});
    t.after(() => station.close());
    station.unlock(PASS);
    assert.ok((await station.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w')).ok);
    const r = await station.invoke('hq:ledgers', {}, 'w');
    assert.ok(!r.ok && (r.error.code === 'unavailable' || r.error.code === 'forbidden'), JSON.stringify(r));
    const otherVenue = await station.invoke('print:document', { document: 'ledger', shipmentId: 'S1', venue: 'sogo', order: 'town' }, 'w');
    assert.ok(!otherVenue.ok && otherVenue.error.code === 'not-found');
  });

  test('HQ pulls every station’s new files from the app and the ward report shows them', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const list = cards(1, 6);
    const w = syncWorld(t, clock, [{ venue: 'toyosu', stationId: 'toyosu-st01' }], { toyosu: list });
    enrollStaff(w.hq.db, clock, w.hq.stationId, 'test', { staffId: 'hq1', displayName: '本部　一', role: 'hq', pin: '8888' });
    const app = createHqApp(w.hq, clock, () => {});
    await app.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'w');
    const store = w.stations['toyosu-st01']!;
    const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
    recordHandover({ store, clock }, { staffId: 'clerk1', displayName: 'c', role: 'clerk' }, list[0]!.reservationNo, idCheck);
    assert.ok(exportSyncFile({ store, clock }, join(w.dir, 'outbox', 'toyosu-st01')).ok);
    // The venue's 預り証 (its import of the ledger, in its signed file) has not reached HQ yet.
    const receiptOf = async () => {
      const r = await app.invoke('hq:ledgers', {}, 'w');
      assert.ok(r.ok);
      return (r.value as { venue: string; receipt: unknown }[]).find((l) => l.venue === 'toyosu')!.receipt;
    };
    assert.equal(await receiptOf(), null);

    const pulled = await app.invoke('hq:pull', {}, 'w');
    assert.deepEqual(pulled.ok && pulled.value, [
      // Whose files, in words, for HQ to read; the folder only as detail.
      {
        name: '豊洲シビックセンター toyosu-st01',
        source: join(w.dir, 'outbox', 'toyosu-st01'),
        problem: null,
        ingested: 1,
        alreadyHad: 0,
        refused: [],
      },
    ]);
    assert.deepEqual(await receiptOf(), { station: '豊洲シビックセンター toyosu-st01', by: 'test', at: '2026-11-25T01:00:00.000Z' });
    const report = await app.invoke('hq:report', { date: '2026-11-25' }, 'w');
    assert.ok(report.ok);
    const toyosu = (report.value as { venues: { venue: string; figures: { handedOver: number; shipped: number } }[] }).venues.find(
      (v) => v.venue === 'toyosu',
    )!;
    assert.deepEqual([toyosu.figures.shipped, toyosu.figures.handedOver], [6, 1]);
    const again = await app.invoke('hq:pull', {}, 'w');
    assert.deepEqual(again.ok && (again.value as { ingested: number }[]).map((r) => r.ingested), [0]);

    // The station is revoked (its PC stolen): HQ's screen says so by its name, and a file it signs later is
    // refused and listed among what to look at.
    assert.ok(revokeStation(w.hq.db, clock, 'toyosu-st01', '端末の盗難', 'hq1').ok);
    recordHandover({ store, clock }, { staffId: 'clerk1', displayName: 'c', role: 'clerk' }, list[1]!.reservationNo, idCheck);
    assert.ok(exportSyncFile({ store, clock }, join(w.dir, 'outbox', 'toyosu-st01')).ok);
    const afterTheft = await app.invoke('hq:pull', {}, 'w');
    assert.deepEqual(
      afterTheft.ok && (afterTheft.value as { ingested: number; refused: unknown[] }[]).map((r) => [r.ingested, r.refused.length]),
      [[0, 1]],
    );
    const revoked = await app.invoke('hq:report', { date: '2026-11-25' }, 'w');
    assert.ok(revoked.ok);
    const value = revoked.value as {
      mismatches: string[];
      venues: { venue: string; figures: { handedOver: number }; stations: { name: string }[] }[];
    };
    const toyosuNow = value.venues.find((v) => v.venue === 'toyosu')!;
    assert.deepEqual(
      [toyosuNow.figures.handedOver, toyosuNow.stations.map((s) => s.name)],
      [1, ['豊洲シビックセンター toyosu-st01（取消済み）']],
    );
    assert.ok(
      value.mismatches.some((m) => m.includes('#2: 取り消した端末の鍵で署名されたファイル')),
      value.mismatches.join('\n'),
    );
  });
});
