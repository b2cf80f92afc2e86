// The fixture recordings in ./fixtures replay to the scans written in their comments.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseRecording, replayRecording } from '../../shared/scanner/recording';
import { normalizeScannedCode } from '../../shared/scanner/scan-assembler';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

function replay(name: string) {
  const parsed = parseRecording(readFileSync(fixture(name), 'utf8'));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return { parsed, ...replayRecording(parsed) };
}

describe('fixture recordings', () => {
  it('boot-us.rec: two Enter-terminated scans, 00 repeats intact, the rollover report dropped', () => {
    const r = replay('boot-us.rec');
    assert.deepEqual(r.parsed.mode, { kind: 'boot-keyboard', layout: 'us' });
    assert.deepEqual(
      r.scans.map((s) => s.text),
      ['A1B-123456', 'K7Z-000100'],
    );
    assert.deepEqual(
      r.scans.map((s) => normalizeScannedCode(s.text)),
      [
        { ok: true, reservationNo: 'A1B-123456' },
        { ok: true, reservationNo: 'K7Z-000100' },
      ],
    );
    assert.equal(r.pending, '');
    assert.ok(r.stats.kind === 'boot-keyboard' && r.stats.reports.rollover === 1);
  });

  it('boot-jis.rec: 9-byte hidraw reports, Tab-terminated, a number without hyphen in lower case', () => {
    const r = replay('boot-jis.rec');
    assert.deepEqual(
      r.scans.map((s) => s.text),
      ['C3D-654321', 'x9y200001'],
    );
    assert.deepEqual(
      r.scans.map((s) => normalizeScannedCode(s.text)),
      [
        { ok: true, reservationNo: 'C3D-654321' },
        { ok: true, reservationNo: 'X9Y-200001' },
      ],
    );
  });

  it('boot-jis.rec read as if the scanner were US-configured still gives the same digits, letters and hyphen', () => {
    const r = replay('boot-jis.rec');
    assert.deepEqual(
      replayRecording({ ...r.parsed, mode: { kind: 'boot-keyboard', layout: 'us' } }).scans.map((s) => s.text),
      ['C3D-654321', 'x9y200001'],
    );
  });

  it('honeywell-hidpos.rec: Code 128 with CR suffix, a 63-byte QR over two reports, a status report ignored', () => {
    const r = replay('honeywell-hidpos.rec');
    assert.deepEqual(
      r.scans.map((s) => [s.aim, s.text]),
      [
        [']C0', 'A1B-123456'],
        [']Q1', 'MADOGUCHI NOTICE A1B-123456 KOTO-CITY MYNUMBER CARD 2026-11-20X'],
      ],
    );
    assert.equal(r.scans[1]?.text.length, 63);
    assert.deepEqual(
      normalizeScannedCode(r.scans[1]?.text ?? ''),
      { ok: true, reservationNo: 'A1B-123456' },
      'one number standing alone in the QR text',
    );
    assert.ok(r.stats.kind === 'hid-pos' && r.stats.reports.otherReportId === 1);
  });
});
