import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createBurstClassifier, looksScanned, WEDGE_TIMING, type BurstScan, type KeyPlace } from './key-burst';
import { SCANNER_RECORDINGS, TYPIST_RECORDINGS, type KeyTiming } from './key-timings.fixture';

interface Replayed {
  /** What the field shows: released text and the keys that passed, in order. */
  field: string;
  scans: BurstScan[];
  /** Every stray text shown on the surface, in order (consecutive repeats once). */
  strays: string[];
  /** Keys the page never saw. */
  consumed: number;
}

/**
 * Replays keys as the capture listener would: a tick at each deadline that comes before the next key
 * (`lateTicksMs` later, as a busy page's timers are), then the key. '\r' and '\t' are Enter/Tab, '\b' another key.
 */
function replay(keys: readonly KeyTiming[], place: KeyPlace, lateTicksMs = 0, until = Infinity): Replayed {
  const c = createBurstClassifier();
  const out: Replayed = { field: '', scans: [], strays: [], consumed: 0 };
  let deadline: number | null = null;
  const apply = (d: ReturnType<typeof c.feed>, ch: string) => {
    out.field += d.release;
    if (d.key === 'pass') out.field += ch;
    else out.consumed++;
    if (d.scan) out.scans.push(d.scan);
    if (d.stray !== '' && out.strays[out.strays.length - 1] !== d.stray) out.strays.push(d.stray);
    deadline = d.deadline;
  };
  const tickUntil = (t: number) => {
    while (deadline !== null && deadline + lateTicksMs <= t) apply(c.feed({ kind: 'tick', at: deadline + lateTicksMs }), '');
  };
  for (const { key, at } of keys) {
    tickUntil(at);
    if (key === '\r' || key === '\t') apply(c.feed({ kind: 'end', at, place }), key === '\r' ? '⏎' : '⇥');
    else if (key === '\b') apply(c.feed({ kind: 'other', at, clears: false }), '⌫');
    else apply(c.feed({ kind: 'char', ch: key, at, place }), key);
  }
  tickUntil(until);
  return out;
}

/** Keys typed from a list of intervals: the first key at `start`. */
function timed(text: string, gaps: readonly number[], start = 1_000): KeyTiming[] {
  let at = start;
  return [...text].map((key, i) => ({ key, at: (at += i === 0 ? 0 : gaps[(i - 1) % gaps.length]!) }));
}

describe('key bursts: recorded scanners', () => {
  for (const r of SCANNER_RECORDINGS) {
    it(`${r.name}: one scan, nothing in the field, wherever the focus is`, () => {
      for (const place of ['field', 'surface'] as const) {
        for (const late of [0, 8]) {
          const got = replay(r.keys, place, late);
          assert.deepEqual(
            got.scans.map((s) => s.text),
            [r.code],
            `${place}, timers ${late} ms late`,
          );
          assert.equal(got.field, '', `${place}: the field never saw the scan`);
          assert.equal(got.consumed, r.keys.length);
        }
      }
    });
  }
});

describe('key bursts: recorded typists', () => {
  for (const r of TYPIST_RECORDINGS) {
    it(`${r.name}: every key reaches the field in order, Enter/Tab included, no scan`, () => {
      const got = replay(r.keys, 'field', 0, r.keys[r.keys.length - 1]!.at + 1_000);
      const typed = r.keys.map((k) => (k.key === '\r' ? '⏎' : k.key === '\t' ? '⇥' : k.key === '\b' ? '⌫' : k.key)).join('');
      assert.equal(got.field, typed);
      assert.deepEqual(got.scans, []);
    });
  }

  it('a key waits at most firstHoldMs before the field gets it', () => {
    const c = createBurstClassifier();
    const d = c.feed({ kind: 'char', ch: '1', at: 100, place: 'field' });
    assert.equal(d.key, 'consume');
    assert.equal(d.deadline, 100 + WEDGE_TIMING.firstHoldMs);
    assert.equal(c.feed({ kind: 'tick', at: d.deadline! }).release, '1');
  });

  it('Enter right after a typed key (a PIN) releases the key first, then submits', () => {
    const got = replay(timed('1111\r', [45, 38, 52, 30]), 'field');
    assert.equal(got.field, '1111⏎');
    assert.deepEqual(got.scans, []);
  });

  it('released keys are what the keyboard typed (its layout), a scan what the scanner meant', () => {
    const c = createBurstClassifier();
    c.feed({ kind: 'char', ch: '@', typed: '"', at: 0, place: 'field' });
    assert.equal(c.feed({ kind: 'tick', at: 100 }).release, '"');
    const keys = [...'A1B-123456'].map((ch, i) => c.feed({ kind: 'char', ch, typed: ch.toLowerCase(), at: 1_000 + i * 3, place: 'field' }));
    assert.ok(keys.every((d) => d.key === 'consume' && d.release === ''));
    assert.equal(c.feed({ kind: 'end', at: 1_040, place: 'field' }).scan?.text, 'A1B-123456');
  });

  it('a Ctrl shortcut, Backspace or IME key releases held text before it acts', () => {
    const c = createBurstClassifier();
    c.feed({ kind: 'char', ch: 'a', at: 0, place: 'field' });
    const d = c.feed({ kind: 'other', at: 10, clears: false });
    assert.deepEqual([d.key, d.release, d.deadline], ['pass', 'a', null]);
  });
});

describe('key bursts: stray keys on the scan surface', () => {
  const scan = timed('OAV-340148\r', [4, 6, 3, 5, 8, 4, 3, 5, 7, 4], 5_000);

  it('"1" "2" pressed, then a scan a second later: the scan alone, the strays shown, then gone', () => {
    const got = replay([...timed('12', [180], 3_800), ...scan], 'surface');
    assert.deepEqual(
      got.scans.map((s) => s.text),
      ['OAV-340148'],
    );
    // Shown while they wait; hidden from the scanner's second key (its first cannot be told from typing).
    assert.deepEqual(got.strays, ['12', '12O']);
  });

  it('strays clear themselves after clearStrayAfterMs, and a later scan is whole', () => {
    const got = replay([...timed('12', [150], 1_000), ...scan], 'surface');
    assert.deepEqual(got.strays, ['12']);
    assert.deepEqual(
      got.scans.map((s) => s.text),
      ['OAV-340148'],
    );
    const c = createBurstClassifier();
    c.feed({ kind: 'char', ch: '1', at: 0, place: 'surface' });
    assert.equal(c.feed({ kind: 'tick', at: WEDGE_TIMING.showStrayAfterMs }).stray, '1');
    const cleared = c.feed({ kind: 'tick', at: WEDGE_TIMING.clearStrayAfterMs });
    assert.deepEqual([cleared.stray, cleared.deadline], ['', null]);
  });

  it('Esc drops the strays at once', () => {
    const c = createBurstClassifier();
    c.feed({ kind: 'char', ch: '1', at: 0, place: 'surface' });
    c.feed({ kind: 'tick', at: 300 });
    assert.deepEqual(c.feed({ kind: 'other', at: 400, clears: true }).stray, '');
    assert.equal(c.feed({ kind: 'end', at: 500, place: 'surface' }).key, 'pass', 'nothing pending: Enter is Enter');
  });

  it('a slow scanner (80–100 ms a key) still scans on the surface, where timing never splits a scan', () => {
    const got = replay(timed('A1B-123456\r', [80, 95, 100, 88]), 'surface');
    assert.deepEqual(
      got.scans.map((s) => s.text),
      ['A1B-123456'],
    );
  });

  it('a scan whose first key a busy page stamped 150 ms early: the burst, with that key kept aside as dropped', () => {
    const late = [{ key: 'O', at: 4_850 }, ...scan.slice(1)];
    assert.deepEqual(
      replay(late, 'surface').scans.map((s) => [s.text, s.dropped]),
      [['AV-340148', 'O']],
    );
    // Keys shown as strays, or more than one, are a person's: never kept aside.
    assert.deepEqual(
      replay([{ key: '1', at: 4_500 }, ...scan], 'surface').scans.map((s) => [s.text, s.dropped]),
      [['OAV-340148', '']],
    );
    assert.deepEqual(
      replay([...timed('12', [60], 4_800), ...scan.slice(1)], 'surface').scans.map((s) => [s.text, s.dropped]),
      [['AV-340148', '']],
    );
  });

  it('a scanner that stalls mid-scan keeps its first part (it was fast, not a stray)', () => {
    const got = replay([...timed('OAV-3', [3], 1_000), ...timed('40148\r', [3], 1_400)], 'surface');
    assert.deepEqual(
      got.scans.map((s) => s.text),
      ['OAV-340148'],
    );
  });
});

describe('key bursts: the focus moves during a scan', () => {
  const feedAll = (places: readonly KeyPlace[]) => {
    const c = createBurstClassifier();
    const ds = [...'OAV-340148'].map((ch, i) => c.feed({ kind: 'char', ch, at: i * 4, place: places[i] ?? places[places.length - 1]! }));
    ds.push(c.feed({ kind: 'end', at: 44, place: places[places.length - 1]! }));
    return {
      released: ds.map((d) => d.release).join(''),
      passed: ds.filter((d) => d.key === 'pass').length,
      scans: ds.flatMap((d) => (d.scan ? [d.scan.text] : [])),
    };
  };

  it('a page that focuses its field as the scan arrives: the scan is whole, the field gets nothing', () => {
    assert.deepEqual(feedAll(['surface', 'surface', 'surface', 'field']), { released: '', passed: 0, scans: ['OAV-340148'] });
    assert.deepEqual(feedAll(['field', 'field', 'surface']), { released: '', passed: 0, scans: ['OAV-340148'] });
  });

  it('typing after stray keys elsewhere starts afresh in the field', () => {
    const c = createBurstClassifier();
    c.feed({ kind: 'char', ch: '1', at: 0, place: 'surface' });
    c.feed({ kind: 'char', ch: '2', at: 150, place: 'surface' });
    const d = c.feed({ kind: 'char', ch: 'a', at: 600, place: 'field' });
    assert.deepEqual([d.key, d.release, d.stray], ['consume', '', '']);
    assert.equal(c.feed({ kind: 'tick', at: 640 }).release, 'a');
  });
});

describe('key bursts: properties', () => {
  const typistGap = fc.integer({ min: WEDGE_TIMING.fastMs + 1, max: 400 });
  const printable = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVWXYZ-abcxyz'.split(''));

  it('a person (every interval slower than fastMs) types into a field exactly what they typed, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(printable, fc.constantFrom('\r', '\t', '\b')), typistGap), { minLength: 1, maxLength: 40 }),
        (ks) => {
          let at = 0;
          const keys = ks.map(([key, gap]) => ({ key, at: (at += gap) }));
          const got = replay(keys, 'field', 0, at + 1_000);
          const typed = keys.map((k) => (k.key === '\r' ? '⏎' : k.key === '\t' ? '⇥' : k.key === '\b' ? '⌫' : k.key)).join('');
          return got.field === typed && got.scans.length === 0;
        },
      ),
    );
  });

  it('a scanner (1–15 ms, up to two pauses ≤ 100 ms after its first keys) is one scan in a field, never typed', () => {
    fc.assert(
      fc.property(
        fc.array(printable, { minLength: 6, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 3, max: 29 }), fc.integer({ min: 21, max: 100 })), { maxLength: 2 }),
        (chars, fast, pauses) => {
          const gaps = fast.slice();
          for (const [i, ms] of pauses) if (i < chars.length) gaps[i] = ms;
          let at = 10_000;
          const keys = [...chars, '\r'].map((key, i) => ({ key, at: (at += i === 0 ? 0 : gaps[i - 1]!) }));
          const got = replay(keys, 'field', 0, at + 1_000);
          return got.field === '' && got.scans.length === 1 && got.scans[0]!.text === chars.join('');
        },
      ),
    );
  });

  it('a scanner that pauses twice in a row (one key alone between them) is still one scan in a field', () => {
    // Found by the property above: the held run was judged on its share of pauses before its fast keys came.
    const got = replay(timed('000000\r', [1, 1, 1, 21, 21, 1], 10_000), 'field', 0, 12_000);
    assert.deepEqual([got.field, got.scans.map((s) => s.text)], ['', ['000000']]);
  });

  it('looksScanned: too short, too slow or too many pauses is not a scan', () => {
    assert.equal(looksScanned([0, 2, 4, 6]), false, 'three keys');
    assert.equal(looksScanned([0, 2, 4, 6, 8]), true);
    assert.equal(looksScanned([0, 30, 60, 90, 120]), false, 'a fast typist');
    assert.equal(looksScanned([0, 2, 4, 40, 42, 44, 80, 82, 84, 130, 132]), false, 'three pauses');
    assert.equal(looksScanned([0, 2, 4, 200, 202]), false, 'a pause longer than burstGapMs');
  });
});

describe('key bursts: a scan delivered late', () => {
  it('a hold that ran out before the next key arrived is taken back when that key’s own time shows a scanner', () => {
    // A busy machine: the scanner's keys are stamped 4 ms apart, but the second reaches the page after the
    // first key's hold (40 ms) already gave the field its "A".
    const c = createBurstClassifier();
    let field = '';
    const apply = (d: ReturnType<typeof c.feed>) => {
      if (d.retract !== '') {
        assert.ok(field.endsWith(d.retract), 'only what the field was given is taken back');
        field = field.slice(0, -d.retract.length);
      }
      field += d.release;
      return d;
    };
    assert.equal(apply(c.feed({ kind: 'char', ch: 'A', at: 1_000, place: 'field' })).key, 'consume');
    apply(c.feed({ kind: 'tick', at: 1_060 }));
    assert.equal(field, 'A', 'the hold ran out: the field has it for now');
    const late = apply(c.feed({ kind: 'char', ch: 'B', at: 1_004, place: 'field' }));
    assert.equal(late.retract, 'A');
    assert.equal(field, '', 'taken back out');
    let at = 1_004;
    for (const ch of 'C-123456') apply(c.feed({ kind: 'char', ch, at: (at += 4), place: 'field' }));
    const end = apply(c.feed({ kind: 'end', at: at + 4, place: 'field' }));
    assert.equal(end.scan?.text, 'ABC-123456');
    assert.equal(field, '', 'the field keeps nothing of the scan');
  });

  it('a scan that starts within a moment of the last typed letter is still a scan, and the letter stays typed', () => {
    const keys = [
      ...timed('memo', [90, 70, 80], 1_000),
      // The scanner's first key 30 ms after the last letter (slower than a scanner, quicker than the hold).
      ...timed('8FE-890023\r', [3, 2, 4, 3, 2, 5, 3, 2, 4, 6], 1_000 + 240 + 30),
    ];
    const got = replay(keys, 'field');
    assert.deepEqual(
      got.scans.map((x) => x.text),
      ['8FE-890023'],
    );
    assert.equal(got.field, 'memo');
  });

  it('a scan whose Enter reaches the page after the hold ran out is still a scan, taken back, and never submits the field', () => {
    // Found in CI under load: on the lock screen the scan went into the PIN field and its Enter submitted it.
    const c = createBurstClassifier();
    let at = 1_000;
    for (const ch of 'ABC-123456') c.feed({ kind: 'char', ch, at: (at += 3), place: 'field' });
    const lapse = c.feed({ kind: 'tick', at: at + 200 });
    assert.equal(lapse.release, 'ABC-123456', 'the hold ran out on the clock: the field has it for now');
    const end = c.feed({ kind: 'end', at: at + 4, place: 'field' });
    assert.deepEqual([end.key, end.scan?.text, end.retract], ['consume', 'ABC-123456', 'ABC-123456']);
  });

  it('a person’s Enter after a lapsed hold submits what they typed', () => {
    const c = createBurstClassifier();
    let at = 1_000;
    for (const ch of '1234') c.feed({ kind: 'char', ch, at: (at += 90), place: 'field' });
    c.feed({ kind: 'tick', at: at + 40 });
    const end = c.feed({ kind: 'end', at: at + 150, place: 'field' });
    assert.deepEqual([end.key, end.scan, end.retract], ['pass', null, '']);
  });

  it('a person’s next key after a lapsed hold is never taken back', () => {
    const c = createBurstClassifier();
    c.feed({ kind: 'char', ch: '1', at: 1_000, place: 'field' });
    c.feed({ kind: 'tick', at: 1_040 });
    const next = c.feed({ kind: 'char', ch: '2', at: 1_045, place: 'field' });
    assert.equal(next.retract, '');
  });
});
