import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNMAPPED_KEY, type KeyboardLayout } from './boot-keyboard';
import { charForKeyboardCode } from './keyboard-code';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHIFTED_DIGITS: Record<KeyboardLayout, string[]> = {
  // Digit1..Digit9, Digit0
  us: ['!', '@', '#', '$', '%', '^', '&', '*', '(', ')'],
  jis: ['!', '"', '#', '$', '%', '&', "'", '(', ')', ''],
};

describe('KeyboardEvent.code → the character the scanner meant', () => {
  for (const layout of ['us', 'jis'] as const) {
    it(`${layout}: KeyA–KeyZ, lower case and with Shift upper case`, () => {
      for (const L of LETTERS) {
        assert.equal(charForKeyboardCode(`Key${L}`, false, layout), L.toLowerCase(), `Key${L}`);
        assert.equal(charForKeyboardCode(`Key${L}`, true, layout), L, `Shift+Key${L}`);
      }
    });

    it(`${layout}: Digit0–9 and Numpad0–9 give the digit; Shift on the top row gives the layout's symbol`, () => {
      for (let d = 0; d <= 9; d++) {
        assert.equal(charForKeyboardCode(`Digit${d}`, false, layout), String(d), `Digit${d}`);
        assert.equal(charForKeyboardCode(`Numpad${d}`, false, layout), String(d), `Numpad${d}`);
        assert.equal(charForKeyboardCode(`Numpad${d}`, true, layout), String(d), `Shift+Numpad${d}`);
        assert.equal(charForKeyboardCode(`Digit${d}`, true, layout), SHIFTED_DIGITS[layout][(d + 9) % 10], `Shift+Digit${d}`);
      }
    });

    it(`${layout}: Minus and NumpadSubtract are the hyphen; Enter, NumpadEnter, Tab are terminators`, () => {
      assert.equal(charForKeyboardCode('Minus', false, layout), '-');
      assert.equal(charForKeyboardCode('NumpadSubtract', false, layout), '-');
      assert.equal(charForKeyboardCode('Enter', false, layout), '\r');
      assert.equal(charForKeyboardCode('NumpadEnter', false, layout), '\r');
      assert.equal(charForKeyboardCode('Tab', false, layout), '\t');
    });

    it(`${layout}: modifier and IME keys are ignored (null), unknown keys are U+FFFD`, () => {
      for (const code of ['ShiftLeft', 'ShiftRight', 'ControlLeft', 'AltRight', 'CapsLock', 'NumLock', 'Lang1', 'KanaMode']) {
        assert.equal(charForKeyboardCode(code, false, layout), null, code);
      }
      for (const code of ['F1', 'ArrowUp', 'Escape', 'Backspace', 'NotAKey'])
        assert.equal(charForKeyboardCode(code, false, layout), UNMAPPED_KEY, code);
    });
  }

  it('the symbol keys differ as the layouts do', () => {
    const both = (code: string, shift: boolean) => [charForKeyboardCode(code, shift, 'us'), charForKeyboardCode(code, shift, 'jis')];
    assert.deepEqual(both('Minus', true), ['_', '=']);
    assert.deepEqual(both('Equal', false), ['=', '^']);
    assert.deepEqual(both('BracketLeft', false), ['[', '@']);
    assert.deepEqual(both('Quote', true), ['"', '*']);
    assert.deepEqual(both('Backquote', false), ['`', ''], 'JIS: 半角/全角 types nothing');
    assert.deepEqual(both('IntlRo', true), [UNMAPPED_KEY, '_']);
    assert.deepEqual(both('IntlYen', false), [UNMAPPED_KEY, '\\']);
  });

  it('decoding with the scanner layout undoes what the OS layout would have garbled', () => {
    // A US-configured scanner types A-1@B(2): the physical keys (codes) are the same on any PC.
    const keys: Array<[string, boolean]> = [
      ['KeyA', true],
      ['Minus', false],
      ['Digit1', false],
      ['Digit2', true],
      ['KeyB', true],
      ['Digit9', true],
      ['Digit2', false],
      ['Digit0', true],
    ];
    assert.equal(keys.map(([c, s]) => charForKeyboardCode(c, s, 'us')).join(''), 'A-1@B(2)');
    assert.equal(keys.map(([c, s]) => charForKeyboardCode(c, s, 'jis')).join(''), 'A-1"B)2', 'what a JIS PC types');
  });
});
