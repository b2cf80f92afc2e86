// PDFで保存 (the installed app): the document the preview shows, saved where the lead chooses, and the access
// record keeps where it went and whose rows it holds; cancelled, nothing; where it cannot be written, that place is
// named; browser mode and clerks have none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { createPreviewPrinter, PdfNotSaved, whyNotWritten } from './printer';

/** The access record is written by group commit, right after the reply. */
const settle = () => new Promise((r) => setImmediate(r));

test('PDFで保存 (the installed app): the file’s destination and whose rows it holds are in the access record', async (t) => {
  const savedTo = '/home/lead/Documents/各会場送付台帳 S1.pdf';
  const saved: string[] = [];
  let answer: string | null = savedTo;
  const printer = {
    ...createPreviewPrinter(),
    savePdf: async (job: { title: string; html: string }) => (saved.push(job.html), answer),
  };
  const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer });
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const ledger = { document: 'ledger', shipmentId: 'S1', order: 'reservation' } as const;
  const shown = await app.invoke('print:document', ledger, 'w');
  assert.ok(shown.ok);
  assert.equal((shown.value as { savesPdf: boolean }).savesPdf, true, 'the preview offers PDFで保存');
  const r = await app.invoke('print:save-pdf', ledger, 'w');
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal((r.value as { savedTo: string }).savedTo, savedTo);
  assert.ok(
    cards.every((c) => saved[0]!.includes(c.reservationNo)),
    'the same document as the preview',
  );
  await settle();
  const rows = () =>
    app.store.db.prepare("SELECT actor, action, detail FROM access_records WHERE action IN ('print', 'export') ORDER BY seq").all() as {
      actor: string;
      action: string;
      detail: string;
    }[];
  assert.deepEqual(
    rows().map((x) => [x.actor, x.action, JSON.parse(x.detail).destination ?? null]),
    [
      ['lead:lead1', 'print', null],
      ['lead:lead1', 'export', savedTo],
    ],
  );
  assert.equal(JSON.parse(rows()[1]!.detail).subjects.length, cards.length);
  // Cancelled in the save dialog: nothing left the folder, nothing recorded.
  answer = null;
  const cancelled = await app.invoke('print:save-pdf', ledger, 'w');
  assert.ok(cancelled.ok);
  assert.equal((cancelled.value as { savedTo: null }).savedTo, null);
  await settle();
  assert.equal(rows().length, 2);
  // A daily report names nobody: saved, it is a print with its destination, not an export of residents' data.
  answer = '/home/lead/Documents/日報.pdf';
  await app.invoke('print:save-pdf', { document: 'daily-report', date: '2026-11-25' }, 'w');
  await settle();
  assert.deepEqual(
    rows()
      .slice(2)
      .map((x) => [x.action, JSON.parse(x.detail).destination]),
    [['print', '/home/lead/Documents/日報.pdf']],
  );
});

test('browser mode saves no PDF itself: print:save-pdf says to use the print dialog; a clerk may not at all', async (t) => {
  const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer: createPreviewPrinter() });
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const r = await app.invoke('print:save-pdf', { document: 'daily-report', date: '2026-11-25' }, 'w');
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error.message, /印刷の画面で「PDF に保存」/);
  await app.invoke('session:signOut', {}, 'w');
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w');
  const clerk = await app.invoke('print:save-pdf', { document: 'daily-report', date: '2026-11-25' }, 'w');
  assert.equal(clerk.ok, false);
});

test('PDFで保存 where it cannot be written (a full or write-protected stick): that place is named, nothing recorded', async (t) => {
  for (const [code, why] of [
    ['ENOSPC', '保存先の空きが足りません'],
    ['EROFS', '保存先が書き込み禁止です'],
  ] as const) {
    const printer = {
      ...createPreviewPrinter(),
      savePdf: async () => {
        throw new PdfNotSaved('/media/usb/日報.pdf', whyNotWritten(Object.assign(new Error(code), { code })));
      },
    };
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer });
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
    const r = await app.invoke('print:save-pdf', { document: 'daily-report', date: '2026-11-25' }, 'w');
    assert.deepEqual(r, {
      ok: false,
      error: {
        code: 'not-saved',
        message: `PDF を /media/usb/日報.pdf に保存できませんでした（${why}）。何も保存していません。別の保存先を選んでください`,
      },
    });
    await settle();
    const n = app.store.db.prepare("SELECT count(*) AS n FROM access_records WHERE action IN ('print', 'export')").get() as { n: number };
    assert.equal(n.n, 0);
  }
});
