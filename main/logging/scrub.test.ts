import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubLogLine } from './scrub';
import { describeUnexpected } from '../ipc/unexpected';

test("the lines the app logs today pass through unchanged (they carry codes, counts, channels and the app's own times)", () => {
  const lines = [
    // main/app/station.ts
    'station unlock: 5 wrong passphrases in a row; waiting until 2026-11-25T01:00:30.000Z',
    // main/app/create-app.ts
    'records: access chain breaks at 3 (RECORD-TAMPERED)',
    // main/ipc/dispatch.ts
    'output of counter:scan does not match the contract: result.name: Required',
    'backup:create: DISK-FULL (ENOSPC)',
    `handler print:document threw: ${describeUnexpected(new TypeError('x'))}`,
    // main/sync/sibling-pulls.ts
    '他の窓口の同期ファイル: 2 ファイル取込、1 か所で問題（会場責任者メニューで確認）',
    "他の窓口の同期ファイルを取り込めませんでした: ENOENT: no such file or directory, scandir '/srv/outbox/honchosha-demo02'",
    // main/sync/outbox-server.ts (file names carry an 8-digit sequence; fingerprints are hex)
    'outbox: GET /honchosha-a1b2c3-00000012.sync: EPIPE',
    'outbox: refused 10.20.30.40: client certificate 3f:a9:00:12:7c:4e:99:01 is not pinned',
    // main/scanner/wiring.ts: node-hid's message names the device's path, on Windows with the HID class GUID
    'scanner: cannot open device with path \\\\?\\hid#vid_0c2e&pid_0b87&mi_00#7&1a2b3c4d&0&0000#{4d1e55b2-f16f-11cf-88cb-001111000030}',
    'scanner: cannot open device with path /dev/hidraw9: No such file or directory',
    // main/browser/server.ts
    'browser server: POST /__ipc/counter:scan: Error\n    at handle (/opt/madoguchi/main/browser/server.ts:212:11)',
    // main/logging/crash-report.ts, and a Tokyo moment as screens write it
    'crash: uncaughtException; report crash-20261203-184210.txt',
    '日締め 2026/12/03 18:42 に記録',
  ];
  for (const line of lines) assert.equal(scrubLogLine(line), line);
});

test('reservation numbers, in every way the counter accepts them, are replaced', () => {
  for (const n of ['A1B-123456', 'a1b-123456', 'A1B123456', 'Ａ１Ｂ－１２３４５６', 'A1B‐123456', 'A1Bー123456']) {
    assert.equal(scrubLogLine(`scan ${n} refused`), 'scan [予約番号] refused', n);
  }
  assert.equal(scrubLogLine('codes: K7Z-000100,A1B-123456.'), 'codes: [予約番号],[予約番号].');
});

test('a 個人番号 (12 digits, grouped or not, 全角 too) and other long numbers are replaced', () => {
  assert.equal(scrubLogLine('個人番号 123456789012 を確認'), '個人番号 [個人番号] を確認');
  assert.equal(scrubLogLine('no=1234 5678 9012;'), 'no=[個人番号];');
  assert.equal(scrubLogLine('no=1234-5678-9012'), 'no=[個人番号]');
  assert.equal(scrubLogLine('１２３４５６７８９０１２'), '[個人番号]');
  assert.equal(scrubLogLine('住民票コード 12345678901'), '住民票コード [番号]');
  assert.equal(scrubLogLine('tel 0312345678'), 'tel [番号]');
});

test('calendar days in every form the roster reader takes are replaced; the app’s own moments are kept', () => {
  for (const d of [
    '1983-04-01',
    '1983/4/1',
    '1983.4.1',
    '19830401',
    '1983年4月1日',
    '昭和58年4月1日',
    'S58.4.1',
    'H元.1.8',
    '１９８３／０４／０１',
  ]) {
    assert.equal(scrubLogLine(`birth ${d} given`), 'birth [日付] given', d);
  }
  // A birth date turned into a moment is older than the My Number system.
  assert.equal(scrubLogLine('born 1983-04-01T00:00:00.000Z'), 'born [日付]T00:00:00.000Z');
  assert.equal(scrubLogLine('at 2026-12-03T09:42:00.000Z'), 'at 2026-12-03T09:42:00.000Z');
  assert.equal(scrubLogLine('day 2026-12-03 closed'), 'day [日付] closed', 'a lone day may be a birth date');
  // Not days: versions, counts, an impossible date.
  for (const s of ['Node 24.21.0', '1,234件', 'seq 00000012', '2026-13-45']) assert.equal(scrubLogLine(s), s);
});

test('address numbers are replaced, so an address a caller logged by mistake loses what makes it one home', () => {
  assert.equal(scrubLogLine('〒135-0061 東京都江東区豊洲三丁目2番20号'), '[住所] 東京都江東区豊洲[住所]');
  assert.equal(scrubLogLine('江東区東陽4丁目11-28 コーポ佐藤 203'), '江東区東陽[住所] コーポ佐藤 203');
  assert.equal(scrubLogLine('豊洲3-2-1'), '豊洲[住所]');
  assert.equal(scrubLogLine('高橋１２番地'), '高橋[住所]');
});

test("the user's home folder in a path becomes ~ (a Windows account is often a person's name)", () => {
  const home = 'C:\\Users\\tanaka.ichiro';
  assert.equal(
    scrubLogLine('at f (C:\\Users\\tanaka.ichiro\\AppData\\Local\\Programs\\madoguchi\\main.js:1:2)', { home }),
    'at f (~\\AppData\\Local\\Programs\\madoguchi\\main.js:1:2)',
  );
  assert.equal(scrubLogLine('file:///c:/users/TANAKA.ICHIRO/x.js', { home }), 'file:///~/x.js');
});
