// The ID check's digit keys against a scanner's digits: a lone digit picks a set; a digit that a burst
// follows (a scan starting with a digit) is handed on whole, ahead of the next key; Ctrl+Enter right after
// a digit still picks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDigitKeys, type KeyLike } from './digit-hold';

function harness() {
  let now = 0;
  let pending: (() => void) | null = null;
  const picked: number[] = [];
  const replayed: string[] = [];
  const keys = createDigitKeys({
    digits: new Set([1, 2, 3, 4]),
    now: () => now,
    schedule: (fn) => {
      pending = fn;
      return () => (pending = null);
    },
    onDigit: (d) => picked.push(d),
    replay: (k) => replayed.push(k.key),
  });
  const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
    key: k,
    code: /^[0-9]$/.test(k) ? `Digit${k}` : k === 'Enter' ? 'Enter' : `Key${k.toUpperCase()}`,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    repeat: false,
    ...extra,
  });
  return {
    picked,
    replayed,
    press: (k: string, at: number, extra?: Partial<KeyLike>) => {
      now = at;
      return keys.keydown(key(k, extra), false);
    },
    wait: () => pending?.(),
  };
}

test('a lone digit is held, then picks its set', () => {
  const h = harness();
  assert.equal(h.press('1', 1000), 'consume');
  h.wait();
  assert.deepEqual(h.picked, [1]);
  assert.deepEqual(h.replayed, []);
});

test('a scan that starts with a digit is handed on whole', () => {
  const h = harness();
  assert.equal(h.press('1', 1000), 'consume');
  assert.equal(h.press('e', 1010), 'pass'); // the scanner's next key: the held 1 goes first
  assert.equal(h.press('2', 1020), 'pass'); // inside a burst: never held
  h.wait();
  assert.deepEqual(h.replayed, ['1']);
  assert.deepEqual(h.picked, []);
});

test('Ctrl+Enter right after the digit picks the set first', () => {
  const h = harness();
  h.press('1', 1000);
  assert.equal(h.press('Control', 1020), 'pass');
  assert.deepEqual(h.picked, [1]);
});

test('digits without a set, and digits in a text field, are left alone', () => {
  const h = harness();
  assert.equal(h.press('7', 1000), 'pass');
  assert.equal(h.press('1', 5000, { repeat: true }), 'pass');
});
