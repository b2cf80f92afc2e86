// A clock put back (issue 13): a station whose clock ran a day ahead recorded handovers on the wrong day; once
// the clock is corrected, the strip says so to everyone and 日締め waits until the clock is past the last
// record, so the real day is not closed under-counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import type { StatusView } from '../../shared/ipc/contract';

const idCheck = { path: 'self' as const, documents: ['drivers-license'], proxy: null, surrendered: [], pin: 'pins-set' as const };

test('a clock put back behind the last record is said on the strip, and the day is not closed until it is past it', async (t) => {
  const clock = manualClock('2026-11-26T01:00:00Z'); // a day ahead: the 26th, 10:00 in Tokyo
  const { app, cards } = appFixture(t, clock);
  const status = async () => {
    const r = await app.invoke('counter:status', {}, 'w');
    assert.ok(r.ok);
    return r.value as StatusView;
  };
  const signed = await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  assert.ok(signed.ok, JSON.stringify(signed));
  const handed = await app.invoke('counter:handover', { reservationNo: cards[0]!.reservationNo, idCheck }, 'w');
  assert.ok(handed.ok, JSON.stringify(handed));
  assert.equal((await status()).clock, null, 'nothing wrong can be seen yet');

  // Someone notices and puts the clock right: the 25th, 10:30.
  clock.advance(-(24 * 60 - 30) * 60_000);
  const behind = (await status()).clock;
  assert.equal(behind?.kind, 'behind');
  assert.ok(behind);
  assert.match(
    behind.message,
    /この端末の時計（2026\/11\/25 10:30）が、最後に記録した時刻（2026\/11\/26 10:00）より前を指しています.*日締めはできません（コード: CLOCK-BEHIND）/,
  );
  const close = await app.invoke('day:close', { date: '2026-11-25' }, 'w');
  assert.ok(!close.ok);
  assert.equal(close.error.code, 'clock-behind');

  // A minute behind is an ordinary PC, not a clock put back; past the last record, all is well again.
  clock.advance(24 * 60 * 60_000 - 30 * 60_000 - 30_000);
  assert.ok((await app.invoke('session:unlock', { pin: '9999' }, 'w')).ok, 'the screen locked while nobody was there');
  assert.equal((await status()).clock, null);
  clock.advance(60_000);
  assert.ok((await app.invoke('day:close', { date: '2026-11-26' }, 'w')).ok);
});

test('a clock far past everything the station knows is asked about on the strip, and the first record clears it', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const { app, cards } = appFixture(t, clock);
  const status = async () => {
    const r = await app.invoke('counter:status', {}, 'w');
    assert.ok(r.ok);
    return (r.value as StatusView).clock;
  };
  assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w')).ok);
  assert.equal(await status(), null);
  clock.advance(9 * 24 * 3600_000); // a long break: still nothing to ask
  assert.ok((await app.invoke('session:unlock', { pin: '1111' }, 'w')).ok);
  assert.equal(await status(), null);
  clock.advance(2 * 24 * 3600_000);
  assert.ok((await app.invoke('session:unlock', { pin: '1111' }, 'w')).ok);
  const doubt = await status();
  assert.equal(doubt?.kind, 'far-ahead');
  assert.match(
    doubt.message,
    /この端末の時計は 2026\/12\/06 10:00 です。最後の記録（2026\/11\/25 10:00）から10日以上たっています.*CLOCK-AHEAD/,
  );
  // Asked, not refused: the counter records, and that record clears the doubt.
  assert.ok((await app.invoke('counter:handover', { reservationNo: cards[1]!.reservationNo, idCheck }, 'w')).ok);
  assert.equal(await status(), null);
});
