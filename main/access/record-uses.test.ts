// The lead's page of the 個人情報取扱台帳 through the app's channels: a clerk's day (a scan, a search, a
// handover), read back by day, by person and by resident, printed; the reading and the print are recorded too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { createPreviewPrinter } from '../print/printer';
import { visibleText } from '../testing/pdf';
import { readAccessRecords } from './access-record';

const license = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' } as const;
type Uses = {
  uses: { at: string; staffId: string; what: string; subject: string | null; listed: number; note: string }[];
  capped: boolean;
};

test('a day, a person, a resident: every use of their data, newest first; a clerk may not look; viewing is recorded', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const printer = createPreviewPrinter();
  const { app, cards } = appFixture(t, clock, { printer });
  const [a, b] = [cards[0]!, cards[1]!];
  assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c')).ok);
  assert.ok((await app.invoke('counter:scan', { code: a.reservationNo, source: 'keyboard' }, 'c')).ok);
  clock.advance(60_000);
  assert.ok((await app.invoke('counter:handover', { reservationNo: a.reservationNo, idCheck: license }, 'c')).ok);
  clock.advance(60_000);
  assert.ok((await app.invoke('counter:search', { prefix: b.kana.slice(0, 2), birthDate: b.birthDate }, 'c')).ok);
  const refused = await app.invoke('access:uses', { date: '2026-11-25', staffId: null, reservationNo: null }, 'c');
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'forbidden', 'the lead’s page only');

  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'l')).ok);
  const uses = async (q: { date: string | null; staffId: string | null; reservationNo: string | null }) => {
    const r = await app.invoke('access:uses', q, 'l');
    assert.ok(r.ok, JSON.stringify(r));
    return r.value as Uses;
  };
  const day = await uses({ date: '2026-11-25', staffId: 'clerk1', reservationNo: null });
  assert.deepEqual(
    day.uses.map((u) => [u.what, u.subject, u.listed]),
    [
      ['検索', null, 20],
      ['交付', a.reservationNo, 0],
      ['スキャンで表示', a.reservationNo, 0],
      ['サインイン', null, 0],
    ],
  );
  // Resident b was on the search's list: it is found by b's number with no day given.
  const ofB = await uses({ date: null, staffId: null, reservationNo: b.reservationNo });
  assert.deepEqual(
    ofB.uses.map((u) => [u.what, u.staffId]),
    [['検索', 'clerk1']],
  );
  assert.equal((await uses({ date: '2026-11-24', staffId: null, reservationNo: null })).uses.length, 0, 'another day');
  const neither = await app.invoke('access:uses', { date: null, staffId: null, reservationNo: null }, 'l');
  assert.ok(!neither.ok);
  assert.match(neither.error.message, /日付・職員ID・予約管理番号のどれかを指定してください/);
  assert.equal((await uses({ date: null, staffId: 'clerk1', reservationNo: null })).uses.length, 4, 'one person, every day');

  // Each view is a use: the lead, the resident asked about, whose rows it showed.
  const views = readAccessRecords(app.store.db).filter((r) => r.action === 'access-view');
  assert.equal(views.length, 4);
  assert.equal(views[1]!.actor, 'lead:lead1');
  assert.equal(views[1]!.subject, b.reservationNo);
  assert.deepEqual(views[0]!.detail.subjects, [a.reservationNo]);

  // Printed for the same filter: the rows on paper, the print recorded with whose records it holds.
  const printed = await app.invoke(
    'print:document',
    { document: 'access-record', date: '2026-11-25', staffId: 'clerk1', reservationNo: null },
    'l',
  );
  assert.ok(printed.ok, JSON.stringify(printed));
  const job = printer.get((printed.value as { preview: string }).preview.slice('/__print/'.length))!;
  const text = visibleText(job.html);
  assert.match(text, /個人情報取扱台帳/);
  assert.match(text, /2026年11月25日・職員 clerk1・4件/);
  for (const shown of [a.reservationNo, '20人分の一覧', '窓口 一郎（clerk1）', 'スキャンで表示'])
    assert.ok(text.includes(shown), `${shown} in ${text}`);
  const print = readAccessRecords(app.store.db)
    .filter((r) => r.action === 'print')
    .at(-1)!;
  assert.deepEqual([print.detail.document, print.detail.subjects], ['access-record', [a.reservationNo]]);
});
