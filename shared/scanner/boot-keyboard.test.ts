import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createBootKeyboardDecoder,
  encodeBootKeyboard,
  KEYBOARD_LAYOUTS,
  UNMAPPED_KEY,
  usageToText,
  type KeyboardLayout,
} from './boot-keyboard';

const report = (mods: number, ...keys: number[]) => Uint8Array.from([mods, 0, ...keys, ...Array<number>(6 - keys.length).fill(0)]);
const RELEASE = report(0);

function typed(reports: Uint8Array[], layout: KeyboardLayout): string {
  const d = createBootKeyboardDecoder(layout);
  return reports
    .flatMap((r, i) => d.push(r, i * 8))
    .map((c) => c.ch)
    .join('');
}

describe('boot keyboard reports → characters', () => {
  it('US: a reservation number with Enter', () => {
    assert.equal(typed(encodeBootKeyboard('A1B-123456\r', 'us'), 'us'), 'A1B-123456\r');
  });

  it('US table: the shifted digit row and the symbol keys', () => {
    const shifted = [0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27].map((u) => usageToText(u, true, 'us')).join('');
    assert.equal(shifted, '!@#$%^&*()');
    const symbols = [0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x33, 0x34, 0x35].map((u) => usageToText(u, false, 'us') + usageToText(u, true, 'us'));
    assert.deepEqual(symbols, ['-_', '=+', '[{', ']}', '\\|', ';:', '\'"', '`~']);
  });

  it('JIS table, as in tech-notes §1a', () => {
    const shifted = [0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27].map((u) => usageToText(u, true, 'jis'));
    assert.deepEqual(shifted, ['!', '"', '#', '$', '%', '&', "'", '(', ')', ''], 'Shift+0 types nothing on JIS');
    const pairs = [0x2d, 0x2e, 0x2f, 0x30, 0x32, 0x33, 0x34, 0x87, 0x89].map(
      (u) => usageToText(u, false, 'jis') + usageToText(u, true, 'jis'),
    );
    assert.deepEqual(pairs, ['-=', '^~', '@`', '[{', ']}', ';+', ':*', '\\_', '\\|']);
    assert.equal(usageToText(0x35, false, 'jis'), '', '半角/全角 toggles the IME, it types nothing');
  });

  it('a US-configured scanner read through JIS garbles symbols as documented: A-1@B(2) → A-1"B)2', () => {
    assert.equal(typed(encodeBootKeyboard('A-1@B(2)', 'us'), 'jis'), 'A-1"B)2');
  });

  it('digits, letters and the hyphen read the same through both layouts', () => {
    for (const from of KEYBOARD_LAYOUTS) {
      for (const to of KEYBOARD_LAYOUTS) assert.equal(typed(encodeBootKeyboard('A1B-123456', from), to), 'A1B-123456', `${from}→${to}`);
    }
  });

  it('every character a layout can type decodes back through the same layout', () => {
    for (const layout of KEYBOARD_LAYOUTS) {
      const typable = [
        ...new Set(Array.from({ length: 0x8a }, (_, u) => [usageToText(u, false, layout), usageToText(u, true, layout)]).flat()),
      ].filter((c) => c !== '' && c !== UNMAPPED_KEY);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...typable), { maxLength: 40 }), (chars) => {
          const text = chars.join('');
          assert.equal(typed(encodeBootKeyboard(text, layout), layout), text);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('repeated characters need a release report between them: 00 and AA', () => {
    assert.equal(typed(encodeBootKeyboard('100200', 'us'), 'us'), '100200');
    assert.equal(typed(encodeBootKeyboard('AAB', 'us'), 'us'), 'AAB');
    // The same key in two consecutive reports is one key held down, not two presses.
    assert.equal(typed([report(0, 0x27), report(0, 0x27), RELEASE], 'us'), '0');
    assert.equal(typed([report(0x02, 0x04), report(0x02, 0x04), RELEASE, report(0x02, 0x04)], 'us'), 'AA');
  });

  it('only keys that were not down before are typed (edge), in report order', () => {
    // A held, then B joins: only B is new. Then both in one report from nothing: both, in slot order.
    assert.equal(typed([report(0, 0x04), report(0, 0x04, 0x05), RELEASE, report(0, 0x06, 0x07)], 'us'), 'abcd');
  });

  it('ErrorRollOver reports are dropped and do not retype held keys', () => {
    const d = createBootKeyboardDecoder('us');
    const out = [report(0, 0x1e), report(0, 1, 1, 1, 1, 1, 1), report(0, 0x1e), RELEASE, report(0, 0x03, 0, 0, 0, 0, 0)].flatMap((r) =>
      d.push(r, 0),
    );
    assert.deepEqual(
      out.map((c) => c.ch),
      ['1'],
    );
    assert.equal(d.stats().rollover, 2);
  });

  it('strips the report-ID byte of the 9-byte Linux hidraw form', () => {
    const reports = encodeBootKeyboard('K7Z-000100\r', 'jis', { reportId: 0x01 });
    assert.equal(reports[0]?.length, 9);
    assert.equal(typed(reports, 'jis'), 'K7Z-000100\r');
  });

  it('Shift from either side (modifier bits 0x02 and 0x20)', () => {
    assert.equal(typed([report(0x02, 0x04), RELEASE, report(0x20, 0x05), RELEASE, report(0, 0x06)], 'us'), 'ABc');
  });

  it('keypad digits, keypad Enter and Tab', () => {
    const keypad = [0x62, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x61, 0x56, 0x58, 0x2b].flatMap((u) => [report(0, u), RELEASE]);
    assert.equal(typed(keypad, 'jis'), '0123456789-\r\t');
  });

  it('Ctrl/Alt/GUI + key is a shortcut and types nothing', () => {
    assert.equal(
      typed([report(0x01, 0x04), RELEASE, report(0x04, 0x05), RELEASE, report(0x08, 0x06), RELEASE, report(0, 0x07)], 'us'),
      'd',
    );
  });

  it('a key missing from the table is typed as U+FFFD and counted, so the scan fails validation', () => {
    const d = createBootKeyboardDecoder('us');
    const out = [report(0, 0x3a), RELEASE, report(0, 0x87)].flatMap((r) => d.push(r, 0)); // F1, then ろ (not on US)
    assert.deepEqual(
      out.map((c) => c.ch),
      [UNMAPPED_KEY, UNMAPPED_KEY],
    );
    assert.equal(d.stats().unmappedKeys, 2);
  });

  it('ignores reports that are neither 8 nor 9 bytes', () => {
    const d = createBootKeyboardDecoder('us');
    assert.deepEqual(d.push(Uint8Array.from([0, 0, 0x04]), 0), []);
    assert.deepEqual(d.push(new Uint8Array(64), 0), []);
    assert.equal(d.stats().badLength, 2);
  });

  it('timestamps each character with its report time; reset() forgets held keys', () => {
    const d = createBootKeyboardDecoder('us');
    assert.deepEqual(d.push(report(0, 0x1e), 1000), [{ ch: '1', atMs: 1000 }]);
    assert.deepEqual(d.push(report(0, 0x1e), 1008), []);
    d.reset();
    assert.deepEqual(d.push(report(0, 0x1e), 1016), [{ ch: '1', atMs: 1016 }]);
  });

  it('the encoder refuses what the layout cannot type', () => {
    assert.throws(() => encodeBootKeyboard('あ', 'us'), /cannot type/);
    // The ¥ key types U+005C; U+00A5 itself is on neither layout.
    assert.throws(() => encodeBootKeyboard('\u00a5', 'jis'), /cannot type/);
  });
});
