// The scanner source with the fake device and a manual clock: unplug, backoff, replug, close.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeBootKeyboard } from '../../shared/scanner/boot-keyboard';
import { encodeHidPos } from '../../shared/scanner/hid-pos';
import type { ScannerMode } from '../../shared/scanner/scanner-mode';
import { FakeHidPort, FAKE_SCANNER_INFO } from './fake-hid-device';
import { createHidScannerSource } from './hid-scanner-source';
import type { ScannerScan, ScannerStatus } from './scanner-port';
import { ManualTimers } from './timers';

const HID_POS: ScannerMode = { kind: 'hid-pos', vendor: 'honeywell' };
const KEYBOARD: ScannerMode = { kind: 'boot-keyboard', layout: 'us' };

/** Lets the source's awaited open() settle. Not a timing wait: it only drains already-queued promise jobs. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function harness(mode: ScannerMode, options: { plugged?: boolean } = {}) {
  const port = new FakeHidPort(FAKE_SCANNER_INFO, options);
  const timers = new ManualTimers(1_000_000);
  const source = createHidScannerSource({ open: port.open, mode, timers });
  const scans: ScannerScan[] = [];
  const statuses: ScannerStatus[] = [];
  source.onScan((s) => scans.push(s));
  source.onStatus((s) => statuses.push(s));
  const send = (reports: Uint8Array[]) => {
    for (const r of reports) {
      port.current?.send(r);
      timers.advance(8);
    }
  };
  return { port, timers, source, scans, statuses, send };
}

describe('HID scanner source', () => {
  it('connects, then decodes reports into scans with the reservation number and clock time', async () => {
    const h = harness(HID_POS);
    assert.deepEqual(h.source.status(), { state: 'connecting' });
    await settle();
    assert.deepEqual(h.source.status(), { state: 'connected', device: FAKE_SCANNER_INFO });
    h.send(encodeHidPos('a1b123456\r', 'honeywell'));
    assert.deepEqual(h.scans, [{ text: 'a1b123456', code: { ok: true, reservationNo: 'A1B-123456' }, aim: ']C0', atMs: 1_000_000 }]);
    h.send(encodeHidPos('hello', 'honeywell'));
    assert.deepEqual(h.scans[1]?.code, { ok: false, reason: 'malformed' });
  });

  it('unplug → disconnected with backoff → replug → connected, and scans flow again', async () => {
    const h = harness(HID_POS);
    await settle();
    h.send(encodeHidPos('A1B-000001', 'honeywell'));
    const first = h.port.current;
    h.port.unplug();
    assert.equal(first?.closed, true, 'the dead device is closed');
    assert.deepEqual(h.source.status(), {
      state: 'disconnected',
      device: FAKE_SCANNER_INFO,
      reason: 'スキャナとの通信が切れました（could not read from HID device）',
      retryInMs: 500,
    });

    // Still unplugged: each attempt fails and the wait doubles.
    for (const expected of [1000, 2000, 4000]) {
      h.timers.advance(h.timers.nextDelay() ?? 0);
      await settle();
      const s = h.source.status();
      assert.ok(s.state === 'disconnected' && s.retryInMs === expected, JSON.stringify(s));
      assert.match(s.state === 'disconnected' ? s.reason : '', /スキャナを開けません（cannot open device/);
    }
    assert.equal(h.port.failedOpens, 3);

    h.port.plug();
    h.timers.advance(3999);
    await settle();
    assert.equal(h.source.status().state, 'disconnected', 'not before the timer is due');
    h.timers.advance(1);
    await settle();
    assert.deepEqual(h.source.status(), { state: 'connected', device: FAKE_SCANNER_INFO });
    assert.notEqual(h.port.current, first, 'a fresh device handle');

    h.send(encodeHidPos('A1B-000002', 'honeywell'));
    assert.deepEqual(
      h.scans.map((s) => s.text),
      ['A1B-000001', 'A1B-000002'],
    );
    assert.deepEqual(
      h.statuses.map((s) => s.state),
      ['connected', 'disconnected', 'disconnected', 'disconnected', 'disconnected', 'connected'],
    );

    // After a good connection the backoff starts over.
    h.port.unplug();
    const s = h.source.status();
    assert.ok(s.state === 'disconnected' && s.retryInMs === 500);
  });

  it('backoff is capped', async () => {
    const port = new FakeHidPort(FAKE_SCANNER_INFO, { plugged: false });
    const timers = new ManualTimers();
    const source = createHidScannerSource({ open: port.open, mode: HID_POS, timers, backoff: { initialMs: 100, maxMs: 1000 } });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await settle();
      const s = source.status();
      if (s.state === 'disconnected' && s.retryInMs !== null) delays.push(s.retryInMs);
      timers.advance(timers.nextDelay() ?? 0);
    }
    assert.deepEqual(delays, [100, 200, 400, 800, 1000, 1000, 1000]);
    await source.close();
  });

  it('half a keyboard scan from before an unplug is not glued to the first scan after it', async () => {
    const h = harness(KEYBOARD);
    await settle();
    h.send(encodeBootKeyboard('A1B-12', 'us'));
    h.port.unplug();
    h.port.plug();
    h.timers.advance(500);
    await settle();
    h.send(encodeBootKeyboard('C3D-654321\r', 'us'));
    assert.deepEqual(
      h.scans.map((s) => [s.text, s.code]),
      [['C3D-654321', { ok: true, reservationNo: 'C3D-654321' }]],
    );
  });

  it('keyboard scans are timestamped from the injected clock, and never split by slow typing', async () => {
    const h = harness(KEYBOARD);
    await settle();
    for (const r of encodeBootKeyboard('A1B-123456\r', 'us')) {
      h.port.current?.send(r);
      h.timers.advance(30_000);
    }
    assert.deepEqual(
      h.scans.map((s) => [s.text, s.atMs]),
      [['A1B-123456', 1_000_000 + 20 * 30_000]],
      'Enter is the 21st report',
    );
  });

  it('close() during backoff cancels the retry; close() while connected closes the device', async () => {
    const h = harness(HID_POS, { plugged: false });
    await settle();
    assert.equal(h.timers.size, 1);
    await h.source.close();
    assert.equal(h.timers.size, 0);
    assert.deepEqual(h.source.status(), { state: 'closed' });
    h.port.plug();
    h.timers.advance(60_000);
    await settle();
    assert.equal(h.port.opens, 0, 'no reopen after close');

    const g = harness(HID_POS);
    await settle();
    const dev = g.port.current;
    await g.source.close();
    assert.equal(dev?.closed, true);
    assert.equal(g.statuses.at(-1)?.state, 'closed');
  });

  it('a listener that throws does not stop the scanner', async () => {
    const port = new FakeHidPort();
    const errors: unknown[] = [];
    const source = createHidScannerSource({
      open: port.open,
      mode: HID_POS,
      timers: new ManualTimers(),
      onListenerError: (e) => errors.push(e),
    });
    const seen: string[] = [];
    source.onScan(() => {
      throw new Error('UI bug');
    });
    const unsubscribe = source.onScan((s) => seen.push(s.text));
    await settle();
    for (const r of encodeHidPos('A1B-000001', 'honeywell')) port.current?.send(r);
    unsubscribe();
    for (const r of encodeHidPos('A1B-000002', 'honeywell')) port.current?.send(r);
    assert.deepEqual(seen, ['A1B-000001']);
    assert.equal(errors.length, 2);
    assert.equal(source.status().state, 'connected');
    await source.close();
  });
});
