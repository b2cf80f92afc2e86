// The lead's page 個人情報の保管と報告 through the app's channels: the retention plan read only, the 定期報告 and the
// incident draft printed and recorded in the access record with who and which period; a clerk is refused both,
// and what the contract cannot read (no such day, the end before the start, too long a range) never reaches main.
// HQ staff print HQ's own folder's report the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appFixture, manualClock } from '../testing/app-fixture';
import { createPreviewPrinter } from '../print/printer';
import { createDataFolder, type HqStore } from '../store/data-folder';
import { createHqApp } from '../app/create-hq-app';
import { enrollStaff } from '../auth/staff';
import { tempDir } from '../testing/fixtures';
import { visibleText } from '../testing/pdf';
import { readAccessRecords } from '../access/access-record';
import type { ChannelOutput } from '../../shared/ipc/contract';

const license = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' } as const;
/** The access record is written by group commit, right after the reply. */
const settle = () => new Promise((r) => setImmediate(r));

type Plan = ChannelOutput<'data-life:plan'>;
type Printed = ChannelOutput<'print:document'>;
/** The preview's HTML, as a person reads it. */
const previewText = (printer: ReturnType<typeof createPreviewPrinter>, out: Printed) =>
  visibleText(printer.get(out.preview!.slice('/__print/'.length))!.html);

test('a clerk is refused the plan and both reports; nothing is recorded for them', async (t) => {
  const printer = createPreviewPrinter();
  const { app, store } = appFixture(t, manualClock('2026-12-03T01:00:00Z'), { printer });
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c');
  const before = readAccessRecords(store.db).filter((r) => r.action === 'print').length;
  for (const r of [
    await app.invoke('data-life:plan', {}, 'c'),
    await app.invoke('print:document', { document: 'handling-report', from: '2026-11-01', to: '2026-11-30' }, 'c'),
    await app.invoke('print:document', { document: 'incident-report', from: '2026-12-03T09:00', to: '2026-12-03T10:00' }, 'c'),
  ])
    assert.ok(!r.ok && r.error.code === 'forbidden', JSON.stringify(r));
  await settle();
  assert.equal(readAccessRecords(store.db).filter((r) => r.action === 'print').length, before);
});

test('what is no period is refused by the contract: no such day, the end first, too long, a wall time malformed', async (t) => {
  const { app } = appFixture(t, manualClock('2026-12-03T01:00:00Z'));
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const bad: unknown[] = [
    { document: 'handling-report', from: '2026-02-30', to: '2026-03-01' },
    { document: 'handling-report', from: '2026-12-01', to: '2026-11-30' },
    { document: 'handling-report', from: '2025-01-01', to: '2026-11-30' },
    { document: 'handling-report', from: '2026/11/01', to: '2026-11-30' },
    { document: 'handling-report', from: '2026-11-01', to: '2026-11-30', staffId: 'x' },
    { document: 'incident-report', from: '2026-12-03T10:00', to: '2026-12-03T09:00' },
    { document: 'incident-report', from: '2026-12-03T09:00', to: '2026-12-03T09:00' },
    { document: 'incident-report', from: '2026-12-03 09:00', to: '2026-12-03T10:00' },
    { document: 'incident-report', from: '2026-12-03T25:00', to: '2026-12-04T10:00' },
    { document: 'incident-report', from: '2026-10-01T09:00', to: '2026-12-03T10:00' },
  ];
  for (const input of bad) {
    const r = await app.invoke('print:document', input as never, 'w');
    assert.ok(!r.ok && r.error.code === 'invalid-input', `${JSON.stringify(input)} → ${JSON.stringify(r)}`);
  }
});

test('the lead reads the plan and prints the 定期報告 and an incident draft: recorded with who and the period, no resident on paper', async (t) => {
  const clock = manualClock('2026-12-03T01:00:00Z');
  const printer = createPreviewPrinter();
  const { app, cards, store } = appFixture(t, clock, { printer });
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c');
  const card = cards[0]!;
  assert.ok((await app.invoke('counter:scan', { code: card.reservationNo, source: 'keyboard' }, 'c')).ok);
  assert.ok((await app.invoke('counter:handover', { reservationNo: card.reservationNo, idCheck: license }, 'c')).ok);
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');

  const plan = await app.invoke('data-life:plan', {}, 'w');
  assert.ok(plan.ok, JSON.stringify(plan));
  const rows = (plan.value as Plan).categories.find((c) => c.id === 'resident-rows')!;
  assert.equal(rows.count, cards.length);
  assert.match(rows.medium, /（暗号化）$/);
  assert.equal((plan.value as Plan).contractEnd, null);

  const r = await app.invoke('print:document', { document: 'handling-report', from: '2026-12-01', to: '2026-12-31' }, 'w');
  assert.ok(r.ok, JSON.stringify(r));
  const out = r.value as Printed;
  assert.equal(out.title, '定期報告 2026年12月1日〜2026年12月31日');
  assert.equal(out.pages, 1);
  const text = previewText(printer, out);
  assert.match(text, /期間 2026年12月1日〜2026年12月31日/);
  assert.match(text, /窓口 一郎 ?（clerk1） スキャンで表示 1回/);
  assert.match(text, /窓口 一郎 ?（clerk1） 交付 1回/);
  assert.match(text, /対象の住民 1人/);
  assert.ok(!text.includes(card.reservationNo) && !text.includes(card.name), 'no resident on paper');

  const incident = await app.invoke(
    'print:document',
    { document: 'incident-report', from: '2026-12-03T09:00', to: '2026-12-03T12:00' },
    'w',
  );
  assert.ok(incident.ok, JSON.stringify(incident));
  const draft = previewText(printer, incident.value as Printed);
  assert.match(draft, /期間 2026\/12\/03 09:00 〜 2026\/12\/03 12:00/);
  assert.ok(draft.includes('発生した事実') && draft.includes('原因') && draft.includes('講じた措置'));

  await settle();
  const prints = readAccessRecords(store.db)
    .filter((a) => a.action === 'print')
    .map((a) => ({ actor: a.actor, subject: a.subject, detail: a.detail }));
  assert.deepEqual(prints, [
    {
      actor: 'lead:lead1',
      subject: '2026-12-01/2026-12-31',
      detail: { document: 'handling-report', from: '2026-12-01', to: '2026-12-31', rows: 0, pages: 1, subjects: [] },
    },
    {
      actor: 'lead:lead1',
      subject: '2026-12-03T09:00/2026-12-03T12:00',
      detail: {
        document: 'incident-report',
        from: '2026-12-03T09:00',
        to: '2026-12-03T12:00',
        rows: 0,
        pages: (incident.value as Printed).pages,
        subjects: [],
      },
    },
  ]);
  // The lead's 個人情報取扱台帳 says which report was printed, for which period, in people's dates.
  const record = await app.invoke('access:uses', { date: '2026-12-03', staffId: 'lead1', reservationNo: null }, 'w');
  assert.ok(record.ok);
  const notes = (record.value as ChannelOutput<'access:uses'>).uses.map((u) => u.note);
  assert.ok(notes.includes('定期報告 2026年12月1日〜2026年12月31日'), JSON.stringify(notes));
  assert.ok(notes.includes('事故報告（下書き） 2026/12/03 09:00〜2026/12/03 12:00'), JSON.stringify(notes));
});

test('HQ staff read HQ’s own plan and print its 定期報告, recorded in HQ’s record', async (t) => {
  const clock = manualClock('2026-12-03T01:00:00Z');
  const store = createDataFolder(join(tempDir(t), 'hq'), 'hq', 'hq-passphrase-1', 'hq-test01').store as HqStore;
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'hq1', displayName: '本部　一郎', role: 'hq', pin: '8888' });
  const printer = createPreviewPrinter();
  const app = createHqApp(store, clock, () => {}, { printer });
  t.after(() => app.close());
  assert.ok((await app.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'a')).ok);
  const plan = await app.invoke('data-life:plan', {}, 'a');
  assert.ok(plan.ok && (plan.value as Plan).categories.length === 6);
  const r = await app.invoke('print:document', { document: 'handling-report', from: '2026-12-01', to: '2026-12-03' }, 'a');
  assert.ok(r.ok, JSON.stringify(r));
  const text = previewText(printer, r.value as Printed);
  assert.match(text, /事務センター/);
  assert.match(text, /印刷者 本部 一郎/);
  await settle();
  assert.deepEqual(
    readAccessRecords(store.db)
      .filter((a) => a.action === 'print')
      .map((a) => [a.actor, a.detail.document]),
    [['hq:hq1', 'handling-report']],
  );
});
