// A day at 本庁舎's counter of the demo world, its log written as the installed app writes it (the rotating log):
// the lines the station logs today are there as written, and nothing of the residents it served is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStation } from './station';
import { createDemoWorld, DEMO_PASSPHRASE } from '../demo/demo-world';
import { generateRoster } from '../demo/synthetic-roster';
import { createRotatingLog } from '../logging/rotating-log';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { tokyoDate } from '../../shared/tokyo-date';
import type { IdCheck } from '../../shared/counter/id-documents';
import type { Printer } from '../print/printer';

const RESIDENTS = 60;
const SEED = 16;
const idCheck: IdCheck = { path: 'self', documents: ['drivers-license'], proxy: null, surrendered: [], pin: 'pins-set' };

test('a counter day through the rotating log: the real lines are there unchanged, no resident name, address, birth date or reservation number is', async (t) => {
  const base = tempDir(t);
  const clock = manualClock('2026-12-03T00:30:00Z');
  const demo = createDemoWorld({ dir: join(base, 'demo'), residents: RESIDENTS, seed: SEED, passphrase: DEMO_PASSPHRASE, clock });
  const today = tokyoDate(clock.now());
  const residents = generateRoster({ residents: RESIDENTS, seed: SEED, today, shippedOn: today });
  const logDir = join(base, 'logs');
  const log = createRotatingLog({ dir: logDir, maxBytes: 16 * 1024, keep: 3, clock });
  // The printer fails with the document in its message, as a print path that quotes what it could not print would.
  const printed: string[] = [];
  const printer: Printer = {
    fontCssHref: null,
    print: async (job) => {
      printed.push(job.html);
      throw new Error(`printToPDF failed for ${job.html}`);
    },
  };
  const station = createStation(demo.venueDataDirs.honchosha, clock, log.log, { printer });
  t.after(() => station.close());
  const call = async (channel: string, input: unknown) => station.invoke(channel, input, 'window:1');

  for (let i = 0; i < 5; i++) assert.equal(((await call('station:unlock', { passphrase: 'guess' })) as { ok: boolean }).ok, false);
  clock.advance(16 * 60_000);
  assert.ok((await call('station:unlock', { passphrase: DEMO_PASSPHRASE })).ok);
  // The station takes in its sibling's first sync file by itself as it opens, and logs the count.
  for (let i = 0; i < 100 && !log.recent().some((l) => l.includes('他の窓口の同期ファイル')); i++)
    await new Promise((r) => setTimeout(r, 20));

  assert.ok((await call('session:signIn', { staffId: 'clerk1', pin: '1111' })).ok);
  let handedOver = 0;
  for (const r of residents) {
    const scan = await call('counter:scan', { code: r.reservationNo, source: 'keyboard' });
    assert.ok(scan.ok);
    const kind = (scan.value as { kind: string }).kind;
    if (kind === 'ok' && handedOver < 5) {
      assert.ok((await call('counter:handover', { reservationNo: r.reservationNo, idCheck })).ok);
      handedOver++;
    } else if (kind === 'ok' && handedOver === 5) {
      assert.ok((await call('counter:refuse', { reservationNo: r.reservationNo, reason: `${r.name}さん 書類不足` })).ok);
      handedOver++;
    }
    await call('counter:search', { prefix: r.kana.slice(0, 2), birthDate: r.birthDate });
    clock.advance(30_000);
  }
  assert.equal(handedOver, 6, 'the scenario handed cards over at this venue');
  await call('counter:scan', { code: `${residents[0]!.reservationNo}X`, source: 'manual' });
  await call('session:signOut', {});
  assert.ok((await call('session:signIn', { staffId: 'lead1', pin: '9999' })).ok);
  const print = await call('print:document', { document: 'ledger', shipmentId: demo.shipmentId, order: 'town' });
  assert.equal(print.ok, false);
  assert.ok(
    residents.some((r) => printed.join('').includes(r.name)),
    'the failing printer had residents at hand',
  );
  await station.close();
  log.close();

  const text = readdirSync(logDir)
    .map((f) => readFileSync(join(logDir, f), 'utf8'))
    .join('\n');
  assert.match(text, /\+09:00 station unlock: 5 wrong passphrases in a row; waiting until 2026-12-03T00:30:30\.000Z\n/);
  assert.match(text, /\+09:00 他の窓口の同期ファイル: 1 ファイル取込\n/);
  assert.match(text, /\+09:00 handler print:document threw: Error\n {4}at /);
  for (const r of residents) {
    const [y, m, d] = r.birthDate.split('-');
    for (const personal of [
      r.name,
      r.name.replace('\u3000', ''),
      r.kana,
      r.address,
      r.birthDate,
      `${y}/${Number(m)}/${Number(d)}`,
      `${y}${m}${d}`,
      r.reservationNo,
      r.reservationNo.replace('-', ''),
    ]) {
      assert.ok(!text.includes(personal), `the log holds ${personal}`);
    }
  }
});
