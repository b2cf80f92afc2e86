// madoguchi scanner list|record|replay, run in-process as a user would see them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { encodeHidPos } from '../../../shared/scanner/hid-pos';
import { parseRecording } from '../../../shared/scanner/recording';
import { fixedClock } from '../../clock';
import { FakeHidDevice } from '../../scanner/fake-hid-device';
import type { HidDevice } from '../../scanner/hid-device';
import { HidUnavailableError, type ListedHidDevice } from '../../scanner/node-hid-source';
import { CliError, type CliIo } from '../io';
import { registerScanner, type ScannerCommandDeps } from './scanner';

const FIXTURES = fileURLToPath(new URL('../../scanner/fixtures/', import.meta.url));

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-scanner-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** runCli's contract (exit codes, CliError → stderr), with only the scanner command and injectable deps. */
async function run(args: string[], deps: ScannerCommandDeps = {}, cwd = process.cwd()) {
  let out = '';
  let err = '';
  let exitCode = 0;
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    stdin: Readable.from([]),
    env: {},
    clock: fixedClock('2026-11-20T01:00:00Z'),
    cwd,
  };
  const program = new Command('madoguchi').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  registerScanner(program, io, (c) => (exitCode = Math.max(exitCode, c)), deps);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) exitCode = e.exitCode === 0 ? 0 : 2;
    else if (e instanceof CliError) {
      err += `madoguchi: ${e.message}\n`;
      exitCode = e.exitCode;
    } else throw e;
  }
  return { code: exitCode, out, err };
}

const POS: ListedHidDevice = {
  vendorId: 0x0c2e,
  productId: 0x0b87,
  path: '/dev/hidraw3',
  manufacturer: 'Honeywell',
  product: 'Voyager',
  usagePage: 0x8c,
  usage: 0x02,
  kind: 'hid-pos',
};
const KBD: ListedHidDevice = {
  vendorId: 0x046d,
  productId: 0xc31c,
  path: '/dev/hidraw0',
  product: 'USB Keyboard',
  usagePage: 0x01,
  usage: 0x06,
  kind: 'other',
};

/** A fake node-hid whose device sends `reports` while the recording waits, then optionally fails. */
function fakeHid(
  devices: ListedHidDevice[],
  reports: Uint8Array[] = [],
  options: { failAfter?: boolean } = {},
): ScannerCommandDeps & { opened: FakeHidDevice[] } {
  const opened: FakeHidDevice[] = [];
  return {
    opened,
    hid: {
      listHidDevices: async () => devices,
      openHidDevice: async (path: string): Promise<HidDevice> => {
        const info = devices.find((d) => d.path === path);
        if (!info) throw new Error(`cannot open device with path ${path}`);
        const dev = new FakeHidDevice(info);
        opened.push(dev);
        return dev;
      },
    },
    wait: async () => {
      opened.at(-1)?.sendAll(reports);
      if (options.failAfter) opened.at(-1)?.unplug();
    },
  };
}

describe('madoguchi scanner replay', () => {
  it('prints each decoded scan of a fixture on its own line, without node-hid', async () => {
    const r = await run(['scanner', 'replay', join(FIXTURES, 'boot-us.rec')], {
      hid: { listHidDevices: () => assert.fail('no HID'), openHidDevice: () => assert.fail('no HID') },
    });
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'A1B-123456\nK7Z-000100\n');
    assert.match(r.err, /キー同時押しエラーの報告 1 件/, 'the rollover report is mentioned on stderr');
  });

  it('HID POS fixture; relative path from cwd; --json adds the reservation number', async () => {
    const r = await run(['scanner', 'replay', 'honeywell-hidpos.rec', '--json'], {}, FIXTURES);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.mode, 'hid-pos vendor=honeywell');
    assert.deepEqual(
      json.scans.map((s: { aim: string; code: unknown }) => [s.aim, s.code]),
      [
        [']C0', { ok: true, reservationNo: 'A1B-123456' }],
        [']Q1', { ok: true, reservationNo: 'A1B-123456' }],
      ],
    );
  });

  it('a bad file exits 1 naming the file, the line and what is wrong', async (t) => {
    const dir = tempDir(t);
    const bad = join(dir, 'bad.rec');
    writeFileSync(
      bad,
      '# madoguchi-hid-recording v1\n# mode: boot-keyboard layout=us\n0 00 00 04 00 00 00 00 00\n8 00 00 0x 00 00 00 00 00\n',
    );
    const r = await run(['scanner', 'replay', bad]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /bad\.rec の 4行目: 16進数でない文字「x」があります/);

    writeFileSync(bad, '# madoguchi-hid-recording v1\n# mode: hid-pos vendor=acme\n');
    assert.match((await run(['scanner', 'replay', bad])).err, /2行目: スキャナの方式が読めません/);
  });

  it('a missing file exits 1', async () => {
    const r = await run(['scanner', 'replay', '/nonexistent/x.rec']);
    assert.equal(r.code, 1);
    assert.match(r.err, /記録ファイル \/nonexistent\/x\.rec を読めません/);
  });
});

describe('madoguchi scanner list', () => {
  it('lists devices, scanners first, one per line', async () => {
    const r = await run(['scanner', 'list'], fakeHid([KBD, POS]));
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      'HID POS スキャナ\t0c2e:0b87 Honeywell Voyager (usage 008c:0002)\t/dev/hidraw3\nその他\t046d:c31c USB Keyboard (usage 0001:0006)\t/dev/hidraw0\n',
    );
  });

  it('with no devices says so clearly', async () => {
    const r = await run(['scanner', 'list'], fakeHid([]));
    assert.equal(r.code, 0);
    assert.match(r.out, /HID デバイスが見つかりません/);
  });

  it('when node-hid cannot load: exit 1 with the reason', async () => {
    const cause = new Error('libusb-1.0.so.0: cannot open shared object file');
    const r = await run(['scanner', 'list'], {
      hid: { listHidDevices: async () => Promise.reject(new HidUnavailableError(cause)), openHidDevice: () => assert.fail() },
    });
    assert.equal(r.code, 1);
    assert.match(r.err, /node-hid を読み込めません.*libusb.*cannot open shared object file/s);
  });
});

describe('madoguchi scanner record', () => {
  it('records raw reports to a recording that replays to the scans, and shows them', async (t) => {
    const dir = tempDir(t);
    const deps = fakeHid([KBD, POS], encodeHidPos('A1B-123456\r', 'honeywell'));
    const r = await run(['scanner', 'record', '--out', 'scan.rec', '--seconds', '2'], deps, dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /記録中（2 秒）: 0c2e:0b87 Honeywell Voyager.*方式: hid-pos vendor=honeywell/);
    assert.match(r.out, /1 件の報告を記録しました: .*scan\.rec\n読み取れたスキャン: 1 件\n {2}A1B-123456\n/);
    assert.equal(deps.opened[0]?.info.path, '/dev/hidraw3', 'the one HID POS scanner, chosen without --device');
    assert.equal(deps.opened[0]?.closed, true);
    const parsed = parseRecording(readFileSync(join(dir, 'scan.rec'), 'utf8'));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.mode, { kind: 'hid-pos', vendor: 'honeywell' });
    assert.ok(parsed.comments.includes('recorded: 2026-11-20T01:00:00.000Z'));
    assert.equal(parsed.reports.length, 1);

    const again = await run(['scanner', 'record', '--out', 'scan.rec'], deps, dir);
    assert.equal(again.code, 1);
    assert.match(again.err, /既にあります（上書きするには --force）/);
    assert.equal((await run(['scanner', 'record', '--out', 'scan.rec', '--force', '--mode', 'hid-pos:zebra'], deps, dir)).code, 0);
    assert.match(readFileSync(join(dir, 'scan.rec'), 'utf8'), /^# mode: hid-pos vendor=zebra$/m);
  });

  it('a device lost mid-recording: what came before is saved, exit 1', async (t) => {
    const dir = tempDir(t);
    const r = await run(
      ['scanner', 'record', '--out', 'x.rec'],
      fakeHid([POS], encodeHidPos('A1B-000001', 'honeywell'), { failAfter: true }),
      dir,
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /途中で切れました/);
    const parsed = parseRecording(readFileSync(join(dir, 'x.rec'), 'utf8'));
    assert.ok(parsed.ok && parsed.reports.length === 1);
    assert.ok(parsed.comments.some((c) => c.startsWith('ended early:')));
  });

  it('refuses: no scanner (1), several scanners without --device (2), bad --mode or --seconds (2); writes nothing', async (t) => {
    const dir = tempDir(t);
    const none = await run(['scanner', 'record', '--out', 'x.rec'], fakeHid([KBD]), dir);
    assert.deepEqual([none.code, /スキャナが見つかりません/.test(none.err)], [1, true]);
    const two = await run(['scanner', 'record', '--out', 'x.rec'], fakeHid([POS, { ...POS, path: '/dev/hidraw9' }]), dir);
    assert.equal(two.code, 2);
    assert.match(two.err, /複数あります[\s\S]*\/dev\/hidraw3[\s\S]*\/dev\/hidraw9/);
    assert.equal((await run(['scanner', 'record', '--out', 'x.rec', '--mode', 'serial'], fakeHid([POS]), dir)).code, 2);
    assert.equal((await run(['scanner', 'record', '--out', 'x.rec', '--seconds', '0'], fakeHid([POS]), dir)).code, 2);
    const missing = await run(['scanner', 'record', '--out', 'x.rec', '--device', '/dev/hidraw42'], fakeHid([POS]), dir);
    assert.equal(missing.code, 2, 'an unlisted path needs --mode to know how to read it');
    const unopenable = await run(
      ['scanner', 'record', '--out', 'x.rec', '--device', '/dev/hidraw42', '--mode', 'boot-keyboard'],
      fakeHid([POS]),
      dir,
    );
    assert.equal(unopenable.code, 1);
    assert.match(unopenable.err, /スキャナを開けません（\/dev\/hidraw42）/);
    assert.equal(existsSync(join(dir, 'x.rec')), false);
  });
});

describe('registration in the command line', () => {
  it('`madoguchi scanner replay` through runCli', async () => {
    const { cli } = await import('../../testing/cli-harness');
    const r = await cli(['scanner', 'replay', join(FIXTURES, 'boot-jis.rec')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'C3D-654321\nx9y200001\n');
    const bad = await cli(['scanner', 'replay', join(FIXTURES, 'nope.rec')]);
    assert.equal(bad.code, 1);
  });
});
