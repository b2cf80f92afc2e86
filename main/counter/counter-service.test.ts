import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { card, cards, importTestLedger, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { counterStatus, decideScan, recordHandover, recordRefusal, searchCards, undoHandover, viewCard } from './counter-service';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { readAccessRecords } from '../access/access-record';
import type { Staff } from '../auth/staff';
import type { IdCheck } from '../../shared/counter/id-documents';

const keys = testKeys();
const clock = fixedClock('2026-11-25T01:00:00Z');
const clerk: Staff = { staffId: 'c01', displayName: '窓口　一郎', role: 'clerk' };
const lead: Staff = { staffId: 'l01', displayName: '責任者　花子', role: 'lead' };
const license: IdCheck = { path: 'self', documents: ['drivers-license'], proxy: null, surrendered: ['notice-card'], pin: 'pins-set' };

function venue(t: { after(fn: () => void): void }) {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const ctx = { store, clock };
  const list = [card(1, { name: '豊洲　太郎', kana: 'トヨス　タロウ', birthDate: '1983-04-01' }), ...cards(2, 9)];
  importTestLedger(store, keys, 'S1', list, { clock, actor: 'lead:l01', elsewhere: [{ reservationNo: 'SGO-000001', venue: 'sogo' }] });
  importTestLedger(store, keys, 'S2', cards(100, 3), { clock, actor: 'lead:l01' });
  assert.ok(confirmShipmentReceipt(ctx, lead, 'S1').ok);
  return { ctx, list };
}

describe('a station clock set back', () => {
  test('an undo after the clock went back still cancels the handover; the events keep their order', (t) => {
    const { ctx, list } = venue(t);
    let now = Date.parse('2026-11-25T03:00:00Z');
    const moving = { store: ctx.store, clock: { now: () => new Date(now) } };
    assert.ok(recordHandover(moving, clerk, list[1]!.reservationNo, license).ok);
    now = Date.parse('2026-11-25T02:00:00Z'); // the PC resynchronised an hour back
    assert.ok(undoHandover(moving, lead, list[1]!.reservationNo, '誤って記録').ok);
    assert.equal(decideScan(moving, clerk, list[1]!.reservationNo).kind, 'ok');
    assert.equal(counterStatus(moving).handoversTodayAtStation, 0);
  });
});

describe('the counter: scan → decision', () => {
  test('each outcome: ok, other venue (where to go), not in ledger, not yet received, malformed', (t) => {
    const { ctx, list } = venue(t);
    const okScan = decideScan(ctx, clerk, list[0]!.reservationNo.toLowerCase().replace('-', ''));
    assert.equal(okScan.kind, 'ok');
    assert.ok(okScan.kind === 'ok' && okScan.card.name === '豊洲　太郎');
    const other = decideScan(ctx, clerk, 'SGO-000001');
    assert.deepEqual(other, {
      kind: 'other-venue',
      reservationNo: 'SGO-000001',
      venue: { id: 'sogo', name: '総合区民センター', place: '総合区民センター 2階' },
    });
    assert.deepEqual(decideScan(ctx, clerk, 'ZZZ-999999'), { kind: 'not-in-ledger', reservationNo: 'ZZZ-999999' });
    assert.deepEqual(decideScan(ctx, clerk, card(100).reservationNo), {
      kind: 'not-received',
      reservationNo: card(100).reservationNo,
      shipmentId: 'S2',
      because: 'shipment-unconfirmed',
    });
    assert.deepEqual(decideScan(ctx, clerk, 'hello\u0007world'), { kind: 'malformed', shown: 'helloworld' });
  });

  test('hand over → the same card scans as already handed over, with when, where and by whom', (t) => {
    const { ctx, list } = venue(t);
    const no = list[0]!.reservationNo;
    const r = recordHandover(ctx, clerk, no, license);
    assert.ok(r.ok);
    const again = decideScan(ctx, clerk, no);
    assert.equal(again.kind, 'already-handed-over');
    assert.ok(again.kind === 'already-handed-over');
    assert.deepEqual([again.handover.stationId, again.handover.actor, again.handover.at], ['toyosu-test01', 'clerk:c01', r.value.at]);
    const twice = recordHandover(ctx, clerk, no, license);
    assert.ok(!twice.ok);
    assert.equal(twice.error.code, 'already-handed-over');
  });

  test('an insufficient ID check records nothing; a refusal keeps the card outstanding', (t) => {
    const { ctx, list } = venue(t);
    const no = list[1]!.reservationNo;
    const weak = recordHandover(ctx, clerk, no, { ...license, documents: ['health-insurance'] });
    assert.ok(!weak.ok);
    assert.equal(weak.error.code, 'id-check-failed');
    assert.ok(recordRefusal(ctx, clerk, no, '本人確認書類不足').ok);
    const after = decideScan(ctx, clerk, no);
    assert.ok(after.kind === 'ok');
    assert.equal(after.card.refusals, 1);
  });

  test('a card not yet received cannot be handed over', (t) => {
    const { ctx } = venue(t);
    const r = recordHandover(ctx, clerk, card(101).reservationNo, license);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'not-received');
  });

  test('a lead can undo a handover with a reason (a new event; the card is outstanding again); a clerk cannot', (t) => {
    const { ctx, list } = venue(t);
    const no = list[2]!.reservationNo;
    assert.ok(recordHandover(ctx, clerk, no, license).ok);
    const byClerk = undoHandover(ctx, clerk, no, '誤操作');
    assert.ok(!byClerk.ok);
    assert.equal(byClerk.error.code, 'forbidden');
    assert.equal(decideScan(ctx, clerk, no).kind, 'already-handed-over');
    assert.ok(undoHandover(ctx, lead, no, '別人に交付処理した').ok);
    assert.equal(decideScan(ctx, clerk, no).kind, 'ok');
    const events = ctx.store.db.prepare('SELECT kind FROM events WHERE subject = ? ORDER BY seq').all(no) as { kind: string }[];
    assert.deepEqual(
      events.map((e) => e.kind),
      ['handover.recorded', 'handover.undone'],
    );
  });

  test('status strip: handovers today at this station, outstanding at the venue', (t) => {
    const { ctx, list } = venue(t);
    assert.deepEqual(counterStatus(ctx), { handoversTodayAtStation: 0, outstandingAtVenue: 10, cardsAtVenue: 13 });
    recordHandover(ctx, clerk, list[3]!.reservationNo, license);
    recordHandover(ctx, clerk, list[4]!.reservationNo, license);
    undoHandover(ctx, lead, list[4]!.reservationNo, '誤り');
    assert.deepEqual(counterStatus(ctx), { handoversTodayAtStation: 1, outstandingAtVenue: 9, cardsAtVenue: 13 });
  });

  test('search by kana or name prefix + birth date; the access record names records shown, never the query', (t) => {
    const { ctx, list } = venue(t);
    const hits = (prefix: string, birthDate: string) => {
      const r = searchCards(ctx, clerk, { prefix, birthDate });
      assert.ok(r.ok, prefix);
      return r.value.hits;
    };
    assert.deepEqual(
      hits('とよす', '1983-04-01').map((h) => h.reservationNo),
      [list[0]!.reservationNo],
    );
    assert.deepEqual(hits('豊洲　太', '1983-04-01').length, 1);
    assert.deepEqual(hits('トヨス', '1983-04-02'), []);
    assert.equal(hits('%%', '1983-04-01').length, 0, 'LIKE wildcards are literal');
    assert.ok(viewCard(ctx, clerk, list[0]!.reservationNo).ok);
    const records = readAccessRecords(ctx.store.db);
    const text = JSON.stringify(records);
    assert.ok(!text.includes('とよす') && !text.includes('トヨス') && !text.includes('1983-04-01'), 'no query in the access record');
    assert.deepEqual(
      records.filter((r) => r.action === 'search').map((r) => [r.detail.results, r.detail.subjects]),
      [
        [1, [list[0]!.reservationNo]],
        [1, [list[0]!.reservationNo]],
        [0, []],
        [0, []],
      ],
      'whose records each list showed, by reservation number',
    );
    assert.equal(records.at(-1)!.action, 'record-view');
    assert.equal(records.at(-1)!.subject, list[0]!.reservationNo);
    assert.equal(records.at(-1)!.actor, 'clerk:c01');
  });
});
