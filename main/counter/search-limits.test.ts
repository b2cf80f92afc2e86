// The audit's enumeration (issue 14), through the app's own channel: 52,632 searches over every birth date of two
// years listed every resident born then. Now a query needs two characters and the full birth date, and a
// person's searches stop at 20 in ten minutes and 100 a day, refused, recorded and said to the lead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { readAccessRecords } from '../access/access-record';
import { addDays } from '../../shared/tokyo-date';
import type { StatusView } from '../../shared/ipc/contract';

const KANA = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'];

test('an enumeration at machine pace is stopped at the limits; every list shown is recorded by whose records', async (t) => {
  const clock = manualClock('2026-11-25T00:00:00Z'); // 09:00 in Tokyo
  const { app, cards } = appFixture(t, clock);
  assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c')).ok);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'l')).ok);

  const oneKana = await app.invoke('counter:search', { prefix: 'シ', birthDate: '1983-04-01' }, 'c');
  assert.ok(!oneKana.ok);
  assert.equal(oneKana.error.code, 'invalid-input');
  assert.match(oneKana.error.message, /氏名またはカナを2文字以上入力してください/);

  // The attacker's loop: every date from 1983-01-01, every two-kana prefix, as fast as the app answers.
  const found = new Set<string>();
  let answered = 0;
  let refused = 0;
  let lastRefusal = '';
  const attack = async (calls: number) => {
    for (let i = 0; i < calls; i++) {
      clock.advance(300);
      const date = addDays('1983-01-01', i % 730);
      const prefix = i === 5 ? 'シケ' : KANA[i % KANA.length]! + KANA[(i * 7) % KANA.length]!;
      const r = await app.invoke('counter:search', { prefix, birthDate: date === '1983-01-06' ? '1983-04-01' : date }, 'c');
      if (r.ok) {
        answered++;
        for (const h of (r.value as { hits: { reservationNo: string }[] }).hits) found.add(h.reservationNo);
      } else {
        assert.equal(r.error.code, 'search-limit');
        refused++;
        lastRefusal = r.error.message;
      }
    }
  };
  await attack(200);
  assert.equal(answered, 20, 'twenty in ten minutes');
  assert.equal(refused, 180);
  assert.match(
    lastRefusal,
    /検索は一人10分間に20回までです。しばらく（最長10分）待ってから検索してください。.*会場責任者に通知されました（コード: SEARCH-LIMIT）/,
  );
  assert.equal(found.size, 20, 'the one hit (capped at 20 results) is all the loop saw');

  const status = async (caller: string) => {
    const r = await app.invoke('counter:status', {}, caller);
    assert.ok(r.ok);
    return r.value as StatusView;
  };
  assert.deepEqual(
    (await status('l')).searchRefusals.map((s) => [s.staff, s.times]),
    [['窓口　一郎', 180]],
  );

  // Paced to stay under the ten-minute limit all day: the day's limit ends it.
  for (let round = 0; round < 10; round++) {
    for (let minute = 0; minute < 10; minute++) {
      clock.advance(60_000);
      await app.invoke('session:touch', {}, 'c'); // the attacker keeps the screen from locking
    }
    await attack(25);
  }
  assert.equal(answered, 100, 'a hundred a day');
  assert.match(lastRefusal, /検索は一人1日に100回までです。本日はこれ以上検索できません/);

  // The access record: each search names whose records it showed, never what was typed; each refusal is there.
  const rows = readAccessRecords(app.store.db).filter((r) => r.action.startsWith('search'));
  assert.equal(rows.filter((r) => r.action === 'search').length, 100);
  assert.equal(rows.filter((r) => r.action === 'search-refused').length, refused);
  const shown = rows.find((r) => r.action === 'search' && (r.detail.results as number) > 0)!;
  assert.deepEqual(
    shown.detail.subjects,
    cards.slice(0, 20).map((c) => c.reservationNo),
  );
  assert.ok(!JSON.stringify(rows).includes('シケ'), 'no query in the record');

  // The next day in Tokyo, the clerk can search again; the lead's strip starts the day clear.
  clock.advance(24 * 3600_000);
  assert.ok((await app.invoke('session:unlock', { pin: '1111' }, 'c')).ok);
  assert.ok((await app.invoke('counter:search', { prefix: 'シケ', birthDate: '1983-04-01' }, 'c')).ok);
  assert.ok((await app.invoke('session:unlock', { pin: '9999' }, 'l')).ok);
  assert.deepEqual((await status('l')).searchRefusals, []);
});
