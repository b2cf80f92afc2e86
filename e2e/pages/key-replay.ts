// Replays recorded key timings (shared/scanner/key-timings.fixture.ts) into the page as real key presses,
// each stamped with its recorded time. page.keyboard cannot do this: its presses take a round trip each and
// the page stamps them on arrival, so 3 ms apart became 3–90 ms apart. Here each keydown carries its
// recorded time (CDP Input.dispatchKeyEvent's timestamp is the event's timeStamp) and is sent a little
// ahead of it, never late, so the page's own timers (how long a key is held) see the recorded pace.
import type { CDPSession, Page } from '@playwright/test';
import { SCANNER_RECORDINGS, TYPIST_RECORDINGS, type KeyTiming } from '../../shared/scanner/key-timings.fixture';

interface KeyDef {
  readonly key: string;
  readonly code: string;
  readonly keyCode: number;
  readonly text?: string;
  readonly shift?: boolean;
}

const NAMED: Record<string, KeyDef> = {
  '\r': { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' },
  '\t': { key: 'Tab', code: 'Tab', keyCode: 9 },
  '\b': { key: 'Backspace', code: 'Backspace', keyCode: 8 },
  ' ': { key: ' ', code: 'Space', keyCode: 32, text: ' ' },
  '-': { key: '-', code: 'Minus', keyCode: 189, text: '-' },
  ']': { key: ']', code: 'BracketRight', keyCode: 221, text: ']' },
};

/** A US keyboard: what a scanner set to USB keyboard (US) sends, and the keys a person presses. */
function keyDef(ch: string): KeyDef {
  const named = NAMED[ch];
  if (named) return named;
  if (/^[0-9]$/.test(ch)) return { key: ch, code: `Digit${ch}`, keyCode: ch.charCodeAt(0), text: ch };
  if (/^[a-z]$/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, keyCode: ch.toUpperCase().charCodeAt(0), text: ch };
  if (/^[A-Z]$/.test(ch)) return { key: ch, code: `Key${ch}`, keyCode: ch.charCodeAt(0), text: ch, shift: true };
  throw new Error(`key-replay: no key for ${JSON.stringify(ch)}`);
}

const SHIFT = 8;
/** How far ahead of its time a key is sent: more than a round trip; early is harmless (the page reads the stamp). */
const AHEAD_MS = 25;

/** Sends one key's down and up; CDP keeps messages in order, so the caller need not wait between keys. */
function press(cdp: CDPSession, def: KeyDef, wallMs: number): Promise<unknown>[] {
  const common = { key: def.key, code: def.code, windowsVirtualKeyCode: def.keyCode, modifiers: def.shift ? SHIFT : 0 };
  return [
    cdp.send('Input.dispatchKeyEvent', {
      ...common,
      type: def.text === undefined ? 'rawKeyDown' : 'keyDown',
      ...(def.text === undefined ? {} : { text: def.text, unmodifiedText: def.text }),
      timestamp: wallMs / 1000,
    }),
    cdp.send('Input.dispatchKeyEvent', { ...common, type: 'keyUp', timestamp: (wallMs + 0.5) / 1000 }),
  ];
}

/** Presses the keys at their recorded times, starting now. */
export async function replayKeys(page: Page, keys: readonly KeyTiming[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // The page's clock in wall time (CDP timestamps are seconds since the epoch), a little ahead to start.
    const base = (await page.evaluate(() => performance.timeOrigin + performance.now())) + AHEAD_MS;
    const startedAt = Date.now();
    const sent: Promise<unknown>[] = [];
    for (const { key, at } of keys) {
      const wait = at - (Date.now() - startedAt);
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      // Not awaited: a round trip per key would make a scanner's 3 ms keys 10 ms apart, later and later.
      sent.push(...press(cdp, keyDef(key), base + at));
    }
    await Promise.all(sent);
  } finally {
    await cdp.detach();
  }
}

/** Another text at a recording's pace (its intervals repeated as needed). */
function retimed(keys: readonly KeyTiming[], text: string): KeyTiming[] {
  const gaps = keys.slice(1).map((k, i) => k.at - keys[i]!.at);
  let at = 0;
  return [...text].map((key, i) => ({ key, at: (at += i === 0 ? 0 : gaps[(i - 1) % gaps.length]!) }));
}

/** A scan of `code` and its Enter, at the pace of SCANNER_RECORDINGS[recording]. */
export const scannerKeys = (code: string, recording = 0) => retimed(SCANNER_RECORDINGS[recording]!.keys, `${code}\r`);
/** `text` typed at the pace of TYPIST_RECORDINGS[recording]. */
export const typistKeys = (text: string, recording = 1) => retimed(TYPIST_RECORDINGS[recording]!.keys, text);

/**
 * Keys typed while the Japanese IME is on in the focused field, as Chromium on a Japanese Windows PC sees them:
 * each keydown is `Process` (keyCode 229) with the key's own `code` and recorded time, the IME composes (全角
 * here, as an IME in kana mode makes ３４０ of digits), and an Enter commits the composition.
 */
export async function replayImeKeys(page: Page, keys: readonly KeyTiming[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const base = (await page.evaluate(() => performance.timeOrigin + performance.now())) + AHEAD_MS;
    const startedAt = Date.now();
    const sent: Promise<unknown>[] = [];
    let composed = '';
    for (const { key, at } of keys) {
      const wait = at - (Date.now() - startedAt);
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const def = keyDef(key);
      const common = { key: 'Process', code: def.code, windowsVirtualKeyCode: 229, modifiers: def.shift ? SHIFT : 0 };
      sent.push(cdp.send('Input.dispatchKeyEvent', { ...common, type: 'rawKeyDown', timestamp: (base + at) / 1000 }));
      if (key === '\r') sent.push(cdp.send('Input.insertText', { text: composed }));
      else {
        composed += String.fromCharCode(key.charCodeAt(0) + 0xfee0);
        sent.push(cdp.send('Input.imeSetComposition', { text: composed, selectionStart: composed.length, selectionEnd: composed.length }));
      }
      sent.push(cdp.send('Input.dispatchKeyEvent', { ...common, type: 'keyUp', timestamp: (base + at + 0.5) / 1000 }));
    }
    await Promise.all(sent);
  } finally {
    await cdp.detach();
  }
}
