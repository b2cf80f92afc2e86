// PDFで保存 (the installed app): the document the preview shows, saved where the lead chooses, and the access
// record keeps where it went and whose rows it holds; cancelled, nothing; where it cannot be written, that place is
// named; browser mode and clerks have none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appFixture, manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';
import { createPreviewPrinter, PdfNotSaved, whyNotWritten } from './printer';

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
  assert.equal(rows().length, 2);
  // A daily report names nobody: saved, it is a print with its destination, not an export of residents' data.
  answer = '/home/lead/Documents/日報.pdf';
  await app.invoke('print:save-pdf', { document: 'daily-report', date: '2026-11-25' }, 'w');
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
    const n = app.store.db.prepare("SELECT count(*) AS n FROM access_records WHERE action IN ('print', 'export')").get() as { n: number };
    assert.equal(n.n, 0);
  }
});

test('PDFで保存 when its access-record row cannot be written (the data disk full): the PDF is removed, the fault said', async (t) => {
  const folder = tempDir(t);
  let n = 0;
  const printer = {
    ...createPreviewPrinter(),
    savePdf: async (job: { html: string }) => {
      const path = join(folder, `台帳-${++n}.pdf`);
      writeFileSync(path, job.html);
      return path;
    },
  };
  const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer });
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const db = app.store.db;
  const exported = () =>
    (db.prepare("SELECT detail FROM access_records WHERE action = 'export' ORDER BY seq").pluck().all() as string[]).map(
      (d) => JSON.parse(d).destination as string,
    );
  // SQLite's max_page_count stands in for the disk: once the database may not grow, its writes fail as on a full disk.
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  let refused: { code: string; message: string } | null = null;
  const saved: string[] = [];
  for (let i = 0; i < 300 && refused === null; i++) {
    const r = await app.invoke('print:save-pdf', { document: 'ledger', shipmentId: 'S1', order: 'reservation' }, 'w');
    if (r.ok) saved.push((r.value as { savedTo: string }).savedTo);
    else refused = r.error;
  }
  assert.ok(refused, 'the disk filled within 300 saves');
  assert.equal(refused.code, 'storage');
  assert.match(refused.message, /ディスクの空きが足りないため記録できませんでした/);
  assert.equal(existsSync(join(folder, `台帳-${n}.pdf`)), false, 'the PDF whose row could not be written is gone');
  assert.deepEqual(exported(), saved, 'every PDF left on disk has its export row, and only those');
  assert.ok(saved.every((path) => existsSync(path)));
});
