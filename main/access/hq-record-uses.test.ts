// HQ's own 個人情報取扱台帳 through HQ's channels: its staff's sign-ins and ledger prints, read by day and by
// person, printed; each view and print recorded in HQ's record. The venues' events HQ took in from their sync
// files are theirs, not HQ's uses; at a venue the page stays the lead's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createDataFolder, type HqStore } from '../store/data-folder';
import { createHqApp } from '../app/create-hq-app';
import { createPreviewPrinter } from '../print/printer';
import { enrollStaff } from '../auth/staff';
import { recordBuiltLedgers } from '../hq/hq-ledgers';
import { foreignEventWriter } from '../db/queries/events-sync';
import { appFixture, manualClock } from '../testing/app-fixture';
import { cards, tempDir } from '../testing/fixtures';
import { visibleText } from '../testing/pdf';
import { readAccessRecords } from './access-record';

type Uses = { uses: { station: string; staffId: string; what: string; subject: string | null; listed: number; note: string }[] };

test('HQ staff read HQ’s own record of use by day and person, and print it; each view is recorded at HQ', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const store = createDataFolder(join(tempDir(t), 'hq'), 'hq', 'hq-passphrase-1', 'hq-test01').store as HqStore;
  for (const [staffId, pin] of [
    ['hq1', '8888'],
    ['hq2', '7777'],
  ] as const)
    enrollStaff(store.db, clock, store.stationId, 'test', { staffId, displayName: `本部　${staffId}`, role: 'hq', pin });
  const built = cards(1, 12);
  recordBuiltLedgers({ store, clock }, 'cli', 'S1', '2026-11-20T00:00:00.000Z', [
    { venue: 'toyosu', fileSha256: 'a'.repeat(64), cards: built },
  ]);
  // A venue's handover, taken in from its sync file: the venue's use, in the venue's record.
  foreignEventWriter(store.db).insertIfNew({
    id: 'e'.repeat(32),
    stationId: 'toyosu-a1b2c3',
    seq: 1,
    clientTime: '2026-11-25T01:00:30.000Z',
    actor: 'clerk:clerk1',
    kind: 'handover.recorded',
    payload: {} as never,
    subject: built[0]!.reservationNo,
  });
  const printer = createPreviewPrinter();
  const app = createHqApp(store, clock, () => {}, { printer });
  t.after(() => app.close());

  assert.ok((await app.invoke('session:signIn', { staffId: 'hq2', pin: '7777' }, 'b')).ok);
  clock.advance(60_000);
  assert.ok((await app.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'a')).ok);
  const ledger = await app.invoke('print:document', { document: 'ledger', shipmentId: 'S1', venue: 'toyosu', order: 'town' }, 'a');
  assert.ok(ledger.ok, JSON.stringify(ledger));
  clock.advance(60_000);

  const uses = async (q: { date: string | null; staffId: string | null; reservationNo: string | null }) => {
    const r = await app.invoke('access:uses', q, 'a');
    assert.ok(r.ok, JSON.stringify(r));
    return (r.value as Uses).uses;
  };
  const day = await uses({ date: '2026-11-25', staffId: null, reservationNo: null });
  assert.deepEqual(
    day.map((u) => [u.station, u.staffId, u.what, u.listed, u.note]),
    [
      ['事務センター', 'hq1', '印刷', 12, '送付台帳（豊洲シビックセンター）'],
      ['事務センター', 'hq1', 'サインイン', 0, ''],
      ['事務センター', 'hq2', 'サインイン', 0, ''],
    ],
    'HQ’s own looks only: not the venue’s handover it holds',
  );
  assert.deepEqual(
    (await uses({ date: null, staffId: 'hq2', reservationNo: null })).map((u) => [u.staffId, u.what]),
    [['hq2', 'サインイン']],
    'one person, every day',
  );
  // A resident on the printed ledger: found by their number (the print listed them), the venue's handover not.
  assert.deepEqual(
    (await uses({ date: null, staffId: null, reservationNo: built[0]!.reservationNo })).map((u) => u.what),
    ['印刷'],
  );

  const views = readAccessRecords(store.db).filter((r) => r.action === 'access-view');
  assert.deepEqual(
    views.map((v) => [v.stationId, v.actor, v.subject]),
    [
      ['hq-test01', 'hq:hq1', null],
      ['hq-test01', 'hq:hq1', null],
      ['hq-test01', 'hq:hq1', built[0]!.reservationNo],
    ],
  );
  assert.deepEqual(views[1]!.detail.staffId, 'hq2');

  const printed = await app.invoke(
    'print:document',
    { document: 'access-record', date: '2026-11-25', staffId: null, reservationNo: null },
    'a',
  );
  assert.ok(printed.ok, JSON.stringify(printed));
  const text = visibleText(printer.get((printed.value as { preview: string }).preview.slice('/__print/'.length))!.html);
  for (const shown of [
    '個人情報取扱台帳',
    '事務センター',
    '2026年11月25日',
    '本部 hq1（hq1）',
    '送付台帳（豊洲シビックセンター）',
    '12人分の一覧',
  ])
    assert.ok(text.includes(shown), `${shown} in ${text}`);
  assert.ok(!text.includes('江東区役所'), 'no venue named as where it was printed');
  const last = readAccessRecords(store.db).at(-1)!;
  assert.deepEqual([last.action, last.actor, last.detail.document], ['print', 'hq:hq1', 'access-record']);
});

test('at a venue the page stays the lead’s: a clerk is refused, the lead reads the station’s record', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const { app } = appFixture(t, clock);
  const day = { date: '2026-11-25', staffId: null, reservationNo: null };
  assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c')).ok);
  const refused = await app.invoke('access:uses', day, 'c');
  assert.equal(refused.ok ? null : refused.error.code, 'forbidden');
  const print = await app.invoke('print:document', { document: 'access-record', ...day }, 'c');
  assert.equal(print.ok ? null : print.error.code, 'forbidden');
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'l')).ok);
  const r = await app.invoke('access:uses', day, 'l');
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(
    (r.value as Uses).uses.map((u) => [u.staffId, u.what]),
    [
      ['lead1', 'サインイン'],
      ['clerk1', 'サインイン'],
    ],
  );
  assert.ok((r.value as Uses).uses.every((u) => u.station.startsWith('豊洲シビックセンター')));
});
