// Keyboard-mode scanners read in the renderer: `KeyboardEvent.code` names the physical key, which is
// the HID usage the scanner sent (the UI Events code values are defined from the USB HID usage table).
// Decoding it with the *scanner's* configured layout gives what the scanner meant, whatever the OS
// layout (JIS on a Japanese PC) or the IME would have made of it. `event.key` is not used: it is after
// the OS layout, CapsLock and the IME ("Process" while composing).
// Pure: the renderer calls it from a capture-phase keydown listener.
import { UNMAPPED_KEY, usageToText, type KeyboardLayout } from './boot-keyboard';

const CODE_TO_USAGE: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (let i = 0; i < 26; i++) m.set(`Key${String.fromCharCode(0x41 + i)}`, 0x04 + i);
  for (let d = 1; d <= 9; d++) {
    m.set(`Digit${d}`, 0x1d + d);
    m.set(`Numpad${d}`, 0x58 + d);
  }
  const named: Array<[string, number]> = [
    ['Digit0', 0x27],
    ['Numpad0', 0x62],
    ['Enter', 0x28],
    ['NumpadEnter', 0x58],
    ['Tab', 0x2b],
    ['Space', 0x2c],
    ['Minus', 0x2d],
    ['Equal', 0x2e],
    ['BracketLeft', 0x2f],
    ['BracketRight', 0x30],
    ['Backslash', 0x31],
    ['IntlHash', 0x32],
    ['Semicolon', 0x33],
    ['Quote', 0x34],
    ['Backquote', 0x35],
    ['Comma', 0x36],
    ['Period', 0x37],
    ['Slash', 0x38],
    ['IntlRo', 0x87],
    ['IntlYen', 0x89],
    ['NumpadDivide', 0x54],
    ['NumpadMultiply', 0x55],
    ['NumpadSubtract', 0x56],
    ['NumpadAdd', 0x57],
    ['NumpadDecimal', 0x63],
  ];
  for (const [code, usage] of named) m.set(code, usage);
  return m;
})();

// Keys that are held around other keys or change state; they type nothing and must not count as a character.
const SILENT = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Lang1',
  'Lang2',
  'KanaMode',
  'Convert',
  'NonConvert',
  '',
]);

/**
 * The character the scanner meant by this key: `\r` for Enter/NumpadEnter, `\t` for Tab, '' when the
 * layout types nothing for it (JIS Shift+0), null for a key to ignore (Shift, CapsLock, IME keys), and
 * UNMAPPED_KEY ('\uFFFD') for any other key, so a garbled scan fails validation rather than losing a character.
 */
export function charForKeyboardCode(code: string, shiftKey: boolean, layout: KeyboardLayout): string | null {
  if (SILENT.has(code)) return null;
  const usage = CODE_TO_USAGE.get(code);
  if (usage === undefined) return UNMAPPED_KEY;
  return usageToText(usage, shiftKey, layout);
}

/** The KeyboardEvent.code values this module knows (for tests and for the renderer's diagnostics). */
export const KNOWN_KEYBOARD_CODES: readonly string[] = [...CODE_TO_USAGE.keys()];
