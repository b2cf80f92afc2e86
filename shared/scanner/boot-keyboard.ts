// Keyboard-mode (keyboard wedge) scanners: 8-byte USB boot keyboard reports → characters.
// A wedge scanner sends key positions picked from its own "keyboard country" table; the PC turns them
// into characters with *its* layout. The tables below are what the OS produces from each position, so
// decoding a recording with `jis` shows exactly what a Japanese 106/109 PC would have typed.
// Pure: runs in main (node-hid reports) and in the renderer alike.

export type KeyboardLayout = 'us' | 'jis';
export const KEYBOARD_LAYOUTS: readonly KeyboardLayout[] = ['us', 'jis'];

/** Typed by a key the table does not know: kept visible so a garbled scan fails validation instead of silently losing a character. */
export const UNMAPPED_KEY = '\uFFFD';

/** One character typed at a moment; `\r` is Enter (main or keypad), `\t` is Tab. */
interface TypedChar {
  readonly ch: string;
  readonly atMs: number;
}

type KeyPair = readonly [normal: string, shifted: string];

const USAGE_ENTER = 0x28;
const USAGE_TAB = 0x2b;
const USAGE_KEYPAD_ENTER = 0x58;
const SHIFT_BITS = 0x22; // LShift | RShift
const NON_SHIFT_MODIFIER_BITS = 0xdd; // Ctrl, Alt, GUI on either side

function buildCommon(): Map<number, KeyPair> {
  const m = new Map<number, KeyPair>();
  for (let i = 0; i < 26; i++) {
    const c = String.fromCharCode(0x61 + i);
    m.set(0x04 + i, [c, c.toUpperCase()]);
  }
  m.set(USAGE_ENTER, ['\r', '\r']);
  m.set(USAGE_KEYPAD_ENTER, ['\r', '\r']);
  m.set(USAGE_TAB, ['\t', '\t']);
  m.set(0x2c, [' ', ' ']);
  m.set(0x36, [',', '<']);
  m.set(0x37, ['.', '>']);
  m.set(0x38, ['/', '?']);
  // The keypad types the same on both layouts. NumLock state is unknown to us; a scanner that uses
  // keypad digits assumes it is on (off would give cursor keys, which the OS would not type at all).
  const keypad: Array<[number, string]> = [
    [0x54, '/'],
    [0x55, '*'],
    [0x56, '-'],
    [0x57, '+'],
    [0x62, '0'],
    [0x63, '.'],
  ];
  for (let d = 1; d <= 9; d++) keypad.push([0x58 + d, String(d)]);
  for (const [usage, c] of keypad) m.set(usage, [c, c]);
  return m;
}

function withDigitRow(base: Map<number, KeyPair>, shifted: readonly string[]): Map<number, KeyPair> {
  const m = new Map(base);
  for (let i = 0; i < 10; i++) m.set(0x1e + i, [String((i + 1) % 10), shifted[i] ?? '']);
  return m;
}

const COMMON = buildCommon();

const US = withDigitRow(COMMON, ['!', '@', '#', '$', '%', '^', '&', '*', '(', ')']);
for (const [usage, pair] of [
  [0x2d, ['-', '_']],
  [0x2e, ['=', '+']],
  [0x2f, ['[', '{']],
  [0x30, [']', '}']],
  // Windows maps both 0x31 and 0x32 (Non-US #) to scan code 0x2B, the \| key on a US layout.
  [0x31, ['\\', '|']],
  [0x32, ['\\', '|']],
  [0x33, [';', ':']],
  [0x34, ["'", '"']],
  [0x35, ['`', '~']],
] as const)
  US.set(usage, pair);

// JIS: Shift+0 types nothing on a 106/109 layout, so a US-configured `)` simply vanishes.
const JIS = withDigitRow(COMMON, ['!', '"', '#', '$', '%', '&', "'", '(', ')', '']);
for (const [usage, pair] of [
  [0x2d, ['-', '=']],
  [0x2e, ['^', '~']],
  [0x2f, ['@', '`']],
  [0x30, ['[', '{']],
  [0x31, [']', '}']],
  [0x32, [']', '}']],
  [0x33, [';', '+']],
  [0x34, [':', '*']],
  // 半角/全角: toggles the IME instead of typing; in the renderer it would start garbling everything after it.
  [0x35, ['', '']],
  [0x87, ['\\', '_']], // ろ (International1)
  [0x89, ['\\', '|']], // ¥ (International3): U+005C, drawn as ¥ by Japanese fonts
] as const)
  JIS.set(usage, pair);

const TABLES: Record<KeyboardLayout, ReadonlyMap<number, KeyPair>> = { us: US, jis: JIS };

/**
 * What the OS types for one key-down with the given layout: a character, '' when the OS types nothing
 * (JIS Shift+0, the IME toggle, modifier keys), or UNMAPPED_KEY for a key this table does not know.
 */
export function usageToText(usage: number, shift: boolean, layout: KeyboardLayout): string {
  if (usage >= 0xe0 && usage <= 0xe7) return '';
  const pair = TABLES[layout].get(usage);
  if (!pair) return UNMAPPED_KEY;
  return shift ? pair[1] : pair[0];
}

export interface BootKeyboardStats {
  reports: number;
  /** Neither 8 bytes nor 9 (report ID first): not a boot keyboard report. */
  badLength: number;
  /** ErrorRollOver / POSTFail / ErrorUndefined reports (keycodes 0x01–0x03). */
  rollover: number;
  /** Key-downs the layout table does not know (typed as UNMAPPED_KEY). */
  unmappedKeys: number;
}

export interface BootKeyboardDecoder {
  push(report: Uint8Array, atMs: number): TypedChar[];
  /** Forget held keys, e.g. after the device was replugged. */
  reset(): void;
  stats(): Readonly<BootKeyboardStats>;
}

export function createBootKeyboardDecoder(layout: KeyboardLayout): BootKeyboardDecoder {
  let held = new Set<number>();
  const stats: BootKeyboardStats = { reports: 0, badLength: 0, rollover: 0, unmappedKeys: 0 };
  return {
    push(report, atMs) {
      stats.reports++;
      // Linux hidraw (and node-hid there) puts the report ID first when the device numbers its reports.
      const r = report.length === 9 ? report.subarray(1) : report;
      if (r.length !== 8) {
        stats.badLength++;
        return [];
      }
      const keys = [...r.subarray(2)].filter((k) => k !== 0);
      if (keys.some((k) => k <= 0x03)) {
        // The keyboard could not say which keys are down; the state it replaces stays our best guess.
        stats.rollover++;
        return [];
      }
      const mods = r[0] ?? 0;
      const shift = (mods & SHIFT_BITS) !== 0;
      const shortcut = (mods & NON_SHIFT_MODIFIER_BITS) !== 0;
      const out: TypedChar[] = [];
      // Only a key that was not down in the previous report is typed: that is how `00` survives
      // (press, release, press) and how a held key does not repeat.
      for (const k of keys) {
        if (held.has(k)) continue;
        // Ctrl/Alt/GUI + key is a shortcut to the OS, not typing.
        const text = shortcut ? '' : usageToText(k, shift, layout);
        if (text === UNMAPPED_KEY) stats.unmappedKeys++;
        if (text !== '') out.push({ ch: text, atMs });
      }
      held = new Set(keys);
      return out;
    },
    reset() {
      held = new Set();
    },
    stats: () => ({ ...stats }),
  };
}

/**
 * The reports a scanner configured for `layout` sends to type `text`: one press and one all-zero
 * release per character. For fixtures, demos and the fake device; throws on a character the layout
 * cannot type.
 */
export function encodeBootKeyboard(text: string, layout: KeyboardLayout, options: { reportId?: number } = {}): Uint8Array[] {
  const table = TABLES[layout];
  const reports: Uint8Array[] = [];
  const frame = (mods: number, usage: number): Uint8Array => {
    const body = [mods, 0, usage, 0, 0, 0, 0, 0];
    return Uint8Array.from(options.reportId === undefined ? body : [options.reportId, ...body]);
  };
  for (const ch of text) {
    const found = findKey(table, ch);
    if (!found) throw new Error(`layout ${layout} cannot type ${JSON.stringify(ch)}`);
    reports.push(frame(found.shift ? 0x02 : 0, found.usage), frame(0, 0));
  }
  return reports;
}

function findKey(table: ReadonlyMap<number, KeyPair>, ch: string): { usage: number; shift: boolean } | null {
  // Main keys before the keypad: most scanners send digits and '-' from the top row.
  const isKeypad = (usage: number) => usage >= 0x54 && usage <= 0x63;
  for (const keypad of [false, true]) {
    for (const [usage, [normal, shifted]] of table) {
      if (isKeypad(usage) !== keypad) continue;
      if (normal === ch) return { usage, shift: false };
      if (shifted === ch) return { usage, shift: true };
    }
  }
  return null;
}
