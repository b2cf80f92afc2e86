import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { openVenueDataFolder } from '../store/data-folder';
import { recordHandover, undoHandover } from '../counter/counter-service';
import { appendEvent } from '../db/event-log';
import { fixedClock } from '../clock';
import { BREAK_REASON_LABELS, INVARIANTS, invariantText } from '../../shared/glossary';

const PASS = 'madoguchi-demo';
const license = { path: 'self' as const, documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' as const };

test('venue report: counts from the event log, invariants, per day and station; a breaking card is named (exit 3)', async (t) => {
  const dir = join(tempDir(t), 'demo');
  assert.equal((await cli(['demo', '--dir', dir, '--residents', '200'], { env: {} })).code, 0);
  const data = join(dir, 'venues', 'toyosu');
  const opened = openVenueDataFolder(data, PASS);
  assert.ok(opened.ok);
  const store = opened.value;
  const clock = fixedClock('2026-11-21T02:00:00Z');
  const ctx = { store, clock };
  const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };
  const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
  const rows = store.db.prepare('SELECT reservation_no, shipment_id FROM ledger_cards ORDER BY reservation_no').all() as {
    reservation_no: string;
    shipment_id: string;
  }[];
  const received = rows.filter((r) => !r.shipment_id.endsWith('-2'));
  const late = rows.find((r) => r.shipment_id.endsWith('-2'));
  for (const r of received.slice(0, 3)) assert.ok(recordHandover(ctx, clerk, r.reservation_no, license).ok);
  assert.ok(undoHandover(ctx, lead, received[2]!.reservation_no, '誤り').ok);
  store.close();

  const env = { MADOGUCHI_PASSPHRASE: PASS };
  const ok = await cli(['venue', 'report', '--data', data, '--json'], { env });
  assert.equal(ok.code, 0, ok.err);
  const r = JSON.parse(ok.out);
  assert.equal(r.total.shipped, rows.length);
  assert.equal(r.total.received, received.length);
  assert.equal(r.total.handedOver, 2);
  assert.equal(r.total.outstanding, received.length - 2);
  assert.equal(r.total.holds, true);
  assert.equal(r.breakerCount, 0);
  // Both handovers at 11:00–11:30 Tokyo time (slot 22 of the day's 48 half hours).
  assert.deepEqual(r.byDayAndStation, [
    {
      date: '2026-11-21',
      stationId: 'toyosu-demo01',
      handedOver: 2,
      refusals: 0,
      halfHours: Array.from({ length: 48 }, (_, i) => (i === 22 ? 2 : 0)),
    },
  ]);
  const text = await cli(['venue', 'report', '--data', data], { env });
  // Without --date the figures are everything held now (the harness's clock: 10:00 in Tokyo), not a day's end.
  assert.match(text.out, /^豊洲シビックセンター 現時点（2026\/11\/20 10:00 時点）\n/);
  assert.match(text.out, new RegExp(`受領 ${received.length} = 交付 2 \\+ 交付待ち ${received.length - 2} \\+ 返戻 0\\s+成立`));
  // The same words as the screen and the printed daily report (it once said 未受領 for 未着).
  assert.ok(text.out.includes(`${invariantText(INVARIANTS[0]!, r.total)}\n`), text.out);
  assert.match(text.out, new RegExp(`送付 ${rows.length} = 受領 ${received.length} \\+ 未着 ${rows.length - received.length}\n`));

  // A handover of a card never received (as a bad merge might bring) breaks the invariant, by name.
  assert.ok(late, 'the demo has a not-yet-received shipment at 豊洲');
  const again = openVenueDataFolder(data, PASS);
  assert.ok(again.ok);
  again.value.db.transaction(() =>
    appendEvent(again.value.db, clock, {
      stationId: 'toyosu-other',
      actor: 'clerk:x',
      kind: 'handover.recorded',
      payload: { reservationNo: late!.reservation_no, idCheck: license },
      subject: late!.reservation_no,
    }),
  )();
  again.value.close();
  // Without a named reader the report counts the card (exit 3 all the same, for automation) and names nobody.
  const counted = await cli(['venue', 'report', '--data', data, '--json'], { env });
  assert.equal(counted.code, 3);
  assert.equal(JSON.parse(counted.out).breakerCount, 1);
  assert.equal(JSON.parse(counted.out).breakers, undefined);
  assert.ok(!counted.out.includes(late!.reservation_no), counted.out);
  const countedText = await cli(['venue', 'report', '--data', data], { env });
  assert.equal(countedText.code, 3);
  assert.match(countedText.out, /成り立たないカード 1件\n/);
  assert.match(countedText.out, /--staff/);
  assert.ok(!countedText.out.includes(late!.reservation_no), countedText.out);
  const recordedBefore = accessRows(data);

  // A lead, by PIN, sees which card; the access record names the lead and the card.
  const leadEnv = { ...env, MADOGUCHI_PIN: '9999' };
  const broken = await cli(['venue', 'report', '--data', data, '--json', '--staff', 'lead1'], { env: leadEnv });
  assert.equal(broken.code, 3, broken.err);
  assert.deepEqual(JSON.parse(broken.out).breakers, [{ reservationNo: late!.reservation_no, reason: 'handed-over-not-received' }]);
  const brokenText = await cli(['venue', 'report', '--data', data], { env: { ...leadEnv, MADOGUCHI_STAFF: 'lead1' } });
  assert.ok(
    brokenText.out.includes(`不成立: ${late!.reservation_no} ${BREAK_REASON_LABELS['handed-over-not-received']}\n`),
    brokenText.out,
  );
  const views = accessRows(data).slice(recordedBefore.length);
  assert.deepEqual(
    views.map((v) => [v.actor, v.action, JSON.parse(v.detail).subjects]),
    [
      ['lead:lead1', 'record-view', [late!.reservation_no]],
      ['lead:lead1', 'record-view', [late!.reservation_no]],
    ],
  );
  // A clerk may not; a wrong PIN says so and shows nothing.
  const asClerk = await cli(['venue', 'report', '--data', data, '--staff', 'clerk1'], { env: { ...env, MADOGUCHI_PIN: '1111' } });
  assert.notEqual(asClerk.code, 0);
  assert.match(asClerk.err, /会場責任者が行います/);
  const wrong = await cli(['venue', 'report', '--data', data, '--staff', 'lead1'], { env: { ...env, MADOGUCHI_PIN: '0000' } });
  assert.notEqual(wrong.code, 0);
  assert.ok(!wrong.out.includes(late!.reservation_no));

  const before = await cli(['venue', 'report', '--data', data, '--date', '2026-11-20', '--json'], { env });
  assert.equal(JSON.parse(before.out).total.handedOver, 0, 'as of the day before, nothing was handed over');
  // Headed as the day it is: the harness's today (11/20, 10:00) has not ended; the day before has.
  const todayText = await cli(['venue', 'report', '--data', data, '--date', '2026-11-20'], { env });
  assert.match(todayText.out, /^豊洲シビックセンター 現時点（2026\/11\/20 10:00 時点）\n/);
  const beforeText = await cli(['venue', 'report', '--data', data, '--date', '2026-11-19'], { env });
  assert.match(beforeText.out, /^豊洲シビックセンター 2026年11月19日 終了時点\n/);
});

function accessRows(data: string): { actor: string; action: string; detail: string }[] {
  const opened = openVenueDataFolder(data, PASS);
  assert.ok(opened.ok);
  try {
    return opened.value.db.prepare('SELECT actor, action, detail FROM access_records ORDER BY seq').all() as {
      actor: string;
      action: string;
      detail: string;
    }[];
  } finally {
    opened.value.close();
  }
}
