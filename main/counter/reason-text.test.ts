// A refusal reason is what a clerk typed and others read later: main refuses one that shows nothing or hides
// something (issue 13: a required reason consisted of NUL, a lone surrogate or an RLO mark), and records nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';

test('a refusal whose reason is NUL, a lone surrogate, an RLO mark or only spaces is refused in words, and nothing is recorded', async (t) => {
  const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk');
  const no = cards[0]!.reservationNo;
  const events = () => (app.store.db.prepare("SELECT count(*) FROM events WHERE kind = 'handover.refused'").pluck().get() as number) ?? 0;
  for (const [reason, said] of [
    ['\u0000', '制御文字'],
    ['書類\ud800不足', '壊れた文字'],
    ['\u202e足不類書', '向きを変える'],
    [' \u200b ', '理由を入力してください'],
  ] as const) {
    const r = await app.invoke('counter:refuse', { reservationNo: no, reason }, 'clerk');
    assert.ok(!r.ok, JSON.stringify(reason));
    assert.equal(r.error.code, 'invalid-input');
    assert.ok(r.error.message.includes(said), r.error.message);
  }
  assert.equal(events(), 0);
  const fine = await app.invoke('counter:refuse', { reservationNo: no, reason: '  書類不足  ' }, 'clerk');
  assert.ok(fine.ok);
  assert.equal(events(), 1);
  const stored = app.store.db.prepare("SELECT payload ->> '$.reason' FROM events WHERE kind = 'handover.refused'").pluck().get();
  assert.equal(stored, '書類不足', 'stored trimmed');
});
