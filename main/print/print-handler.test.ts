// Printing from the window: main renders the document, records the print in the access record, and hands it
// to the platform's printer; browser mode serves it (same session only) under a script-free CSP.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { appFixture, manualClock } from '../testing/app-fixture';
import { createPreviewPrinter } from './printer';
import { startBrowserServer } from '../browser/server';
import { ledgerPageCount } from '../../shared/print/ledger-print';
import { cards as fixtureCards, ledgerBytes, tempDir } from '../testing/fixtures';
import { openSession } from '../testing/browser-client';
import { importLedger } from '../ledger/import-ledger';
import { appendEvent } from '../db/event-log';
import { MACHINE_DATE, visibleText } from '../testing/pdf';

const license = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' } as const;

function accessRows(app: ReturnType<typeof appFixture>['app']) {
  return app.store.db.prepare("SELECT actor, action, subject, detail FROM access_records WHERE action = 'print' ORDER BY seq").all() as {
    actor: string;
    action: string;
    subject: string;
    detail: string;
  }[];
}
/** The access record is written by group commit, right after the reply. */
const settle = () => new Promise((r) => setImmediate(r));

describe('print:document', () => {
  test('the lead prints the ledger: both copies of every row, the print noted in the access record', async (t) => {
    const printer = createPreviewPrinter();
    const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer });
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
    const r = await app.invoke('print:document', { document: 'ledger', shipmentId: 'S1', order: 'reservation' }, 'w');
    assert.ok(r.ok, JSON.stringify(r));
    const out = r.value as { title: string; pages: number; preview: string; savedTo: null };
    assert.equal(out.pages, 2 * ledgerPageCount(cards.length));
    assert.match(out.preview, /^\/__print\/[0-9a-f]{32}$/);
    const job = printer.get(out.preview.slice('/__print/'.length))!;
    for (const c of cards) assert.ok(job.html.includes(c.reservationNo));
    assert.ok(job.html.includes('/assets/print-fonts.css'), 'the bundled font is linked');
    // Printed at 01:00 UTC: 10:00 in Tokyo, on paper as on screen.
    assert.ok(visibleText(job.html).includes('2026/11/25 10:00 印刷'));
    await settle();
    const rows = accessRows(app);
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { ...rows[0], detail: JSON.parse(rows[0]!.detail) },
      {
        actor: 'lead:lead1',
        action: 'print',
        subject: 'S1',
        // Whose records went on paper, by reservation number (issue 14: every list records its subjects).
        detail: { document: 'ledger', rows: cards.length, pages: out.pages, subjects: cards.map((c) => c.reservationNo).sort() },
      },
    );
  });

  test('the lead prints the 預り証 of an imported ledger: the file, the count, who and when, no resident', async (t) => {
    const printer = createPreviewPrinter();
    const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer });
    await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk');
    const byClerk = await app.invoke('print:document', { document: 'ledger-receipt', shipmentId: 'S1' }, 'clerk');
    assert.ok(!byClerk.ok && byClerk.error.code === 'forbidden');
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
    const none = await app.invoke('print:document', { document: 'ledger-receipt', shipmentId: 'NOPE' }, 'w');
    assert.ok(!none.ok && none.error.code === 'not-found');
    const r = await app.invoke('print:document', { document: 'ledger-receipt', shipmentId: 'S1' }, 'w');
    assert.ok(r.ok, JSON.stringify(r));
    const out = r.value as { pages: number; preview: string };
    assert.equal(out.pages, 2);
    const text = visibleText(printer.get(out.preview.slice('/__print/'.length))!.html);
    const sha = (app.store.db.prepare("SELECT file_sha256 FROM shipments WHERE shipment_id = 'S1'").pluck().get() as string).match(
      /.{16}/g,
    )!;
    assert.ok(text.includes(sha.join(' ')), 'the file’s SHA-256 in four groups');
    assert.match(text, /件数 30件/);
    assert.match(text, /受領（取込）日時 2026\/11\/25 10:00/);
    assert.match(text, /江東区 事務センター 御中/);
    for (const c of cards.slice(0, 5)) assert.ok(!text.includes(c.name) && !text.includes(c.reservationNo));
    await settle();
    assert.deepEqual(
      accessRows(app).map((row) => [row.actor, row.subject, JSON.parse(row.detail).subjects]),
      [['lead:lead1', 'S1', []]],
    );
  });

  test('a clerk cannot print; nothing unknown prints', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk');
    const byClerk = await app.invoke('print:document', { document: 'ledger', shipmentId: 'S1', order: 'town' }, 'clerk');
    assert.ok(!byClerk.ok && byClerk.error.code === 'forbidden');
    // HQ staff no longer print a venue's ledger at its station (issue 14: they cannot sign in there; site-roles.test.ts).
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead');
    const missing = await app.invoke('print:document', { document: 'ledger', shipmentId: 'NOPE', order: 'town' }, 'lead');
    assert.ok(!missing.ok && missing.error.code === 'not-found', JSON.stringify(missing));
    const noBatch = await app.invoke('print:document', { document: 'return-list', batchId: 'rt-0123456789ab' }, 'lead');
    assert.ok(!noBatch.ok && noBatch.error.code === 'not-found');
    await settle();
    assert.deepEqual(
      accessRows(app).map((r) => r.actor),
      [],
      'only what was printed is recorded',
    );
  });

  test('a return batch prints its cards; the daily report of a closed day shows a correction after close', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const printer = createPreviewPrinter();
    const { app, cards } = appFixture(t, clock, { printer });
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
    const [a, b] = cards as [(typeof cards)[number], (typeof cards)[number]];
    assert.ok((await app.invoke('counter:handover', { reservationNo: a.reservationNo, idCheck: license }, 'w')).ok);
    assert.ok((await app.invoke('day:close', { date: '2026-11-25' }, 'w')).ok);
    clock.advance(60_000);
    assert.ok((await app.invoke('counter:undo', { reservationNo: a.reservationNo, reason: '誤って記録' }, 'w')).ok);
    const report = await app.invoke('print:document', { document: 'daily-report', date: '2026-11-25' }, 'w');
    assert.ok(report.ok);
    // The print preview's title and the saved PDF's name: the day as every screen shows it.
    assert.equal((report.value as { title: string }).title, '日報 2026年11月25日');
    const html = printer.get((report.value as { preview: string }).preview.slice(9))!.html;
    assert.doesNotMatch(visibleText(html), MACHINE_DATE);
    // The undo after close, as a row: handed over 1 at the close, 0 now.
    assert.match(html, /<tr><td>交付<\/td><td>1 → 0<\/td>/);
    assert.ok(!html.includes(a.name), 'no resident names on the daily report');

    const batch = await app.invoke('returns:record', { reservationNos: [b.reservationNo], reason: '受取期限切れ' }, 'w');
    assert.ok(batch.ok);
    const batchId = (batch.value as { batchId: string }).batchId;
    const list = await app.invoke('returns:batches', {}, 'w');
    assert.ok(list.ok);
    type Batch = { batchId: string; number: string; stationName: string; cards: number; reason: string; by: string };
    assert.deepEqual(
      (list.value as Batch[]).map((x) => [x.batchId, x.number, x.stationName, x.cards, x.reason, x.by]),
      [[batchId, '20261125-1', `豊洲シビックセンター ${app.store.stationId}`, 1, '受取期限切れ', 'lead:lead1']],
    );
    const printed = await app.invoke('print:document', { document: 'return-list', batchId }, 'w');
    assert.ok(printed.ok);
    const listHtml = printer.get((printed.value as { preview: string }).preview.slice(9))!.html;
    assert.ok(listHtml.includes(b.reservationNo) && listHtml.includes(b.name.replace(/&/g, '&amp;')));
    assert.doesNotMatch(visibleText(listHtml), MACHINE_DATE, 'shipped on and deadline as 2026年…月…日');
    // The batch by its 返戻番号 (the day and its place that day), in the title too; never its internal id.
    assert.equal((printed.value as { title: string }).title, '返戻リスト 20261125-1');
    assert.equal(visibleText(listHtml).split('返戻番号 20261125-1').length - 1, 4, 'in each copy’s header and details');
    assert.ok(!listHtml.includes(batchId));
  });
});

describe('who, on paper', () => {
  test('every print names staff as people know them (会場　責任者), the staff id only in small print beside', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const printer = createPreviewPrinter();
    const { app, cards } = appFixture(t, clock, { printer });
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
    const printed = async (request: Parameters<typeof app.invoke>[1]) => {
      const r = await app.invoke('print:document', request, 'w');
      assert.ok(r.ok, JSON.stringify(r));
      return printer.get((r.value as { preview: string }).preview.slice(9))!.html;
    };
    assert.ok((await app.invoke('day:close', { date: '2026-11-25' }, 'w')).ok);
    const batch = await app.invoke('returns:record', { reservationNos: [cards[0]!.reservationNo], reason: '受取期限切れ' }, 'w');
    assert.ok(batch.ok);
    // A closed receipt check of the lead's (its differences do not matter here).
    app.store.db.transaction(() =>
      appendEvent(app.store.db, clock, {
        stationId: app.store.stationId,
        actor: 'lead:lead1',
        kind: 'receipt.check-closed',
        payload: { checkId: 'rc-0123456789abcdef', shipmentId: 'S1', shipped: 30, scanned: 30, differences: [] },
      }),
    )();
    const documents = {
      // 印刷者 and 締め: who closed the day.
      daily: [await printed({ document: 'daily-report', date: '2026-11-25' }), 2],
      // 印刷者 and who recorded the batch, on both copies.
      returns: [await printed({ document: 'return-list', batchId: (batch.value as { batchId: string }).batchId }), 4],
      // 印刷者 and who closed the check.
      discrepancy: [await printed({ document: 'discrepancy', checkId: 'rc-0123456789abcdef', shipmentId: 'S1' }), 2],
    } as const;
    for (const [name, [html, times]] of Object.entries(documents)) {
      const text = visibleText(html);
      assert.doesNotMatch(text, /lead:lead1|lead1（会場責任者）/, `${name}: no staff named by id`);
      assert.equal(text.split('会場 責任者 （lead1）').length - 1, times, `${name}: the lead by name, the id beside\n${text}`);
      assert.ok(html.includes('会場　責任者<span class="sid">（lead1）</span>'), `${name}: the id in small print`);
    }
  });
});

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('browser mode serves a printed document to its own session only, without script, framed only by itself', async (t) => {
  const printer = createPreviewPrinter();
  const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'), { printer });
  const rendererDir = join(tempDir(t), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const server = await startBrowserServer({ invoke: app.invoke, rendererDir, printPreviews: printer });
  t.after(() => server.close());
  const { cookie } = await openSession(server);
  const { preview } = await printer.print({
    title: 'x',
    html: '<!doctype html><html><head><style>body{color:#000}</style></head><body>江東　太郎</body></html>',
  });

  assert.equal((await get(server.port, preview!)).status, 403, 'no session cookie, no document');
  const doc = await get(server.port, preview!, { cookie });
  assert.equal(doc.status, 200);
  assert.ok(doc.body.includes('江東　太郎'));
  const csp = String(doc.headers['content-security-policy']);
  assert.doesNotMatch(csp, /script-src/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /frame-ancestors 'self'/);
  assert.equal((await get(server.port, '/__print/' + '0'.repeat(32), { cookie })).status, 404);
  const app2 = await get(server.port, '/', { cookie });
  assert.match(String(app2.headers['content-security-policy']), /frame-src 'self'/);
});

describe('the printed daily report', () => {
  test('the printed daily report lists every card breaking an invariant, not just the screen’s first few hundred', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const printer = createPreviewPrinter();
    const { app, keys } = appFixture(t, clock, { printer });
    const { store } = app;
    // 320 cards of a shipment not yet received, recorded as handed over (as a merged station's events could be).
    const unreceived = fixtureCards(5000, 320);
    assert.ok(
      importLedger({ store, clock, actor: 'test' }, ledgerBytes(keys, 'toyosu', 'S2', unreceived), {
        venueKey: keys.venues.toyosu,
        hqKey: keys.hq,
      }).ok,
    );
    store.db.transaction(() => {
      for (const c of unreceived)
        appendEvent(store.db, clock, {
          stationId: 'toyosu-other',
          actor: 'clerk:x',
          kind: 'handover.recorded',
          subject: c.reservationNo,
          payload: { reservationNo: c.reservationNo, idCheck: { ...license, documents: [...license.documents], surrendered: [] } },
        });
    })();
    await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
    const view = await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'w');
    assert.ok(view.ok);
    assert.deepEqual(
      [(view.value as { breakers: unknown[] }).breakers.length, (view.value as { breakerCount: number }).breakerCount],
      [300, 320],
    );
    const report = await app.invoke('print:document', { document: 'daily-report', date: '2026-11-25' }, 'w');
    assert.ok(report.ok);
    const html = printer.get((report.value as { preview: string }).preview.slice(9))!.html;
    assert.match(html, /整合を崩している番号（320件）/);
    for (const c of unreceived) assert.ok(html.includes(c.reservationNo), c.reservationNo);
  });
});
