import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectHidScanner } from './wiring';
import { FAKE_SCANNER_INFO, FakeHidPort } from './fake-hid-device';
import { ManualTimers } from './timers';
import { encodeHidPos } from '../../shared/scanner/hid-pos';
import type { ListedHidDevice } from './node-hid-source';
import type { StatusView } from '../../shared/ipc/contract';

const flush = () => new Promise((r) => setImmediate(r));

test('a HID POS scanner: found, scans pushed as reservation numbers, unplug and replug shown in the status', async () => {
  const port = new FakeHidPort();
  let listed: ListedHidDevice[] = [];
  const timers = new ManualTimers();
  const scans: string[] = [];
  const statuses: Omit<StatusView['scanner'], 'layout'>[] = [];
  const wiring = connectHidScanner({
    adapter: { listHidDevices: async () => listed, openerFor: () => port.open },
    keyboardLayout: 'us',
    onScan: (c) => scans.push(c),
    onStatus: (s) => statuses.push(s),
    log: () => {},
    timers,
    searchEveryMs: 1000,
  });
  await flush();
  assert.deepEqual(statuses.at(-1), { mode: 'hid', connected: false, device: null }, 'no scanner yet');

  listed = [{ ...FAKE_SCANNER_INFO, kind: 'hid-pos' }];
  timers.advance(1000);
  await flush();
  await flush();
  assert.equal(statuses.at(-1)?.connected, true);
  for (const report of encodeHidPos('a1b123456', 'honeywell')) port.current!.send(report);
  for (const report of encodeHidPos('not a number', 'honeywell')) port.current!.send(report);
  assert.deepEqual(scans, ['A1B-123456', 'not a number']);

  port.unplug();
  await flush();
  assert.equal(statuses.at(-1)?.connected, false);
  port.plug();
  timers.advance(20_000);
  await flush();
  await flush();
  assert.equal(statuses.at(-1)?.connected, true);
  for (const report of encodeHidPos('ZZZ000001', 'honeywell')) port.current!.send(report);
  assert.deepEqual(scans.at(-1), 'ZZZ-000001');
  await wiring.close();
});
