// 日締め from the command line, on the demo world as `npm start` makes it: the same function as the app's
// (siblings first, the close, the sync file), only for a venue lead who gives a PIN. And the demo is wired as
// the README says: what 本庁舎's first station closes reaches its second station and HQ by their own pulls.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { openVenueDataFolder } from '../store/data-folder';
import { recordHandover } from '../counter/counter-service';
import { readCardStates } from '../counter/card-state';
import { venueCardKinds } from '../reconciliation/reconciliation';

const PASS = 'madoguchi-demo';
const idCheck = { path: 'self' as const, documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' as const };

test('venue close-day: a lead’s PIN closes the day and publishes it; the sibling station and HQ pull it in', async (t) => {
  const dir = join(tempDir(t), 'demo');
  const clock = manualClock('2026-11-20T01:00:00Z');
  assert.equal((await cli(['demo', '--dir', dir, '--residents', '300'], { env: {}, clock })).code, 0);
  const station1 = join(dir, 'venues', 'honchosha');
  const station2 = join(dir, 'venues', 'honchosha-2');
  const env = { MADOGUCHI_PASSPHRASE: PASS };

  clock.advance(25 * 3600_000); // the next morning, 10:00 Tokyo
  const opened = openVenueDataFolder(station1, PASS);
  assert.ok(opened.ok);
  const no = venueCardKinds(opened.value).find((c) => c.kind === 'outstanding')?.reservationNo;
  assert.ok(recordHandover({ store: opened.value, clock }, { staffId: 'clerk1', displayName: 'c', role: 'clerk' }, no!, idCheck).ok);
  opened.value.close();

  const wrongPin = await cli(['venue', 'close-day', '--data', station1, '--staff', 'lead1'], {
    env: { ...env, MADOGUCHI_PIN: '0000' },
    clock,
  });
  assert.equal(wrongPin.code, 1);
  assert.match(wrongPin.err, /PINが違います/);
  const clerk = await cli(['venue', 'close-day', '--data', station1, '--staff', 'clerk1'], {
    env: { ...env, MADOGUCHI_PIN: '1111' },
    clock,
  });
  assert.equal(clerk.code, 1);
  assert.match(clerk.err, /日締めは会場責任者のみ/);
  const noPin = await cli(['venue', 'close-day', '--data', station1, '--staff', 'lead1'], { env, clock });
  assert.equal(noPin.code, 1);
  assert.match(noPin.err, /MADOGUCHI_PIN/);

  const closed = await cli(['venue', 'close-day', '--data', station1, '--staff', 'lead1'], {
    env: { ...env, MADOGUCHI_PIN: '9999' },
    clock,
  });
  assert.equal(closed.code, 0, closed.err);
  assert.match(closed.out, /2026年11月21日を締めました（会場　責任者）/);
  const file = /同期ファイル: (\S+\.sync)/.exec(closed.out)?.[1];
  assert.ok(file, closed.out);
  assert.ok(readdirSync(join(dir, 'outbox', 'honchosha-demo01')).includes(file), 'published where HQ and the sibling look');
  const again = await cli(['venue', 'close-day', '--data', station1, '--staff', 'lead1'], {
    env: { ...env, MADOGUCHI_PIN: '9999' },
    clock,
  });
  assert.equal(again.code, 0, 'closed already, but this station’s records still went out');
  assert.match(again.out, /締め済み.*この端末の記録は送信フォルダに書き出しました/);

  // The daily report reads as the printed 日報: who closed it and where, in words; when, in Tokyo time (11:00).
  const daily = await cli(['venue', 'daily', '--data', station1], { env, clock });
  assert.equal(daily.code, 0, daily.err);
  assert.match(daily.out, /^本庁舎 日報 2026年11月21日$/m);
  assert.match(daily.out, /^締め: 締め済み 2026\/11\/21 11:00・会場　責任者（lead1）/m);
  assert.match(daily.out, /^ {2}本庁舎 \S+ {2}交付 1 {2}交付不可（試行） 0$/m);
  assert.doesNotMatch(daily.out, /lead:|honchosha-|"|T\d{2}:\d{2}/, 'no actor id, station id, JSON or UTC time');
  const json = await cli(['venue', 'daily', '--data', station1, '--json'], { env, clock });
  assert.equal((JSON.parse(json.out) as { closed: { by: string } }).closed.by, 'lead:lead1', '--json keeps the ids');

  // The second counter at 本庁舎 pulls as its lead would: the card is handed over there too.
  const pulled = await cli(['sync', 'pull', '--data', station2], { env, clock });
  assert.equal(pulled.code, 0, pulled.err);
  const s2 = openVenueDataFolder(station2, PASS);
  assert.ok(s2.ok);
  assert.equal(readCardStates(s2.value.db, [no!])[0]!.kind, 'handed-over');
  s2.value.close();

  // HQ's evening pull counts the handover.
  assert.equal((await cli(['hq', 'pull', '--hq-data', join(dir, 'hq')], { env, clock })).code, 0);
  const report = await cli(['hq', 'report', '--hq-data', join(dir, 'hq'), '--json'], { env, clock });
  assert.equal(report.code, 0, report.err);
  const honchosha = (JSON.parse(report.out) as { venues: { venue: string; figures: { handedOver: number } }[] }).venues.find(
    (v) => v.venue === 'honchosha',
  )!;
  assert.equal(honchosha.figures.handedOver, 1);
});
