// Is this run of keys a keyboard-mode scanner or a person? The decision the renderer's capture listener
// makes for every key, kept here as a pure function of (key, timestamp) so it can be tested against recorded
// timings. The listener does what it says (hold a key, release held text into the field, hand over a scan).
//
// What the timings are (measured on real wedge scanners and on the counter's fastest typists):
// - scanners type 1–15 ms apart; some send a code in two or three bursts with a pause between (USB
//   reports, a slow host), and a few models type at 80–100 ms per key;
// - typists are ≥ ~40 ms apart, with rolled pairs down to 25–35 ms, and seldom three keys in a row that fast.
// One key cannot tell which it is, so:
// - In a text field a key is held back (the field does not see it yet) while the run could still be a
//   scanner's: for firstHoldMs after a lone key, for burstGapMs once the run has two fast intervals (a
//   person cannot do that, a scanner pausing between bursts can). Enter/Tab ending such a run at scanner
//   speed makes it a scan, which the field never sees. Anything else (the hold runs out, a second slow
//   interval, a non-character key, Enter after a slow run) releases the held text into the field first,
//   in order, and the key goes on as typed: a person's typing arrives ≤ firstHoldMs late, never changed.
// - Anywhere else (the scan surface, a checkbox, a button) every character is a scan character, as timing
//   never decides a slow scanner's scan; but a run that waits without its Enter becomes visible as typed
//   keys after showStrayAfterMs and is dropped after clearStrayAfterMs, and slow keys before a fast burst
//   are dropped when the burst ends, so a stray key never prefixes a scan.

export interface BurstTiming {
  /** An interval this short is a scanner's; a person's rolled pair is ≥ 25 ms. */
  readonly fastMs: number;
  /** How long a key in a text field waits for a scanner's next key before the field gets it. */
  readonly firstHoldMs: number;
  /** Once a run has two fast intervals: the longest pause between a scanner's bursts. */
  readonly burstGapMs: number;
  /** Shortest scan (without its Enter/Tab). */
  readonly minScanLength: number;
  /** On the scan surface: a run without its Enter is shown as typed keys after this long… */
  readonly showStrayAfterMs: number;
  /** …and dropped after this long. */
  readonly clearStrayAfterMs: number;
}

export const WEDGE_TIMING: BurstTiming = {
  fastMs: 20,
  firstHoldMs: 40,
  burstGapMs: 120,
  minScanLength: 4,
  showStrayAfterMs: 250,
  clearStrayAfterMs: 2_500,
};

/** Where the key went: a text field (keys are text the person types) or anywhere else. */
export type KeyPlace = 'field' | 'surface';

export type BurstInput =
  | {
      readonly kind: 'char';
      /** The character as the scanner meant it (read from the key's position with the scanner's layout). */
      readonly ch: string;
      /** What the person's keyboard types for it, which the field gets if the key is released (default ch). */
      readonly typed?: string;
      readonly at: number;
      readonly place: KeyPlace;
    }
  /** Enter or Tab. */
  | { readonly kind: 'end'; readonly at: number; readonly place: KeyPlace }
  /** Any other key (Backspace, arrows, Esc, F-keys, a Ctrl shortcut, IME composition): text goes first. */
  | { readonly kind: 'other'; readonly at: number; readonly clears: boolean }
  /** The deadline the last decision asked for has come. */
  | { readonly kind: 'tick'; readonly at: number };

export interface BurstScan {
  readonly text: string;
  /**
   * On the scan surface, a lone key dropped just before the burst, too soon to have been shown as a stray
   * (< showStrayAfterMs); '' otherwise. Timing cannot place it: a person's key, or the scanner's first key that
   * a busy page stamped early (it handled it late, then the rest at once). scan-assembler's readBurstScan
   * gives it back when only with it the scan reads as a number.
   */
  readonly dropped: string;
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface BurstDecision {
  /** What happens to this key event: consumed (the page never sees it) or passed on untouched. */
  readonly key: 'consume' | 'pass';
  /** Held characters the field gets now, before the key passes (in the field they were typed into). */
  readonly release: string;
  readonly scan: BurstScan | null;
  /** When to feed a tick next; null: nothing waits. */
  readonly deadline: number | null;
  /** Typed keys on the scan surface that are not (yet) a scan, to show; '' when none. */
  readonly stray: string;
  /**
   * Text the field was given by a hold that ran out, to take back out (it is just before the caret): the next
   * key's own time shows it came at a scanner's pace after all, only late (a busy machine delivered it after
   * the hold's timer). '' when none.
   */
  readonly retract: string;
}

export interface BurstClassifier {
  feed(input: BurstInput): BurstDecision;
  /** Whether keys are held (in a field) or pending (on the surface). */
  holding(): boolean;
  /** Drops everything held (focus left the window, the capture was turned off). */
  reset(): void;
}

interface Key {
  readonly ch: string;
  readonly typed: string;
  readonly at: number;
}

const intervals = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

/** A scanner pauses between bursts a few times per code at most; between them it is fast. */
const MAX_PAUSES = 2;

/** No more than MAX_PAUSES pauses, none longer than burstGapMs. */
function pausesFit(gaps: readonly number[], timing: BurstTiming): boolean {
  const slow = gaps.filter((g) => g > timing.fastMs);
  return slow.length <= MAX_PAUSES && slow.every((g) => g <= timing.burstGapMs);
}

/** A whole run: its pauses fit, and at least twice as many fast intervals as pauses. */
function scannerPaced(gaps: readonly number[], timing: BurstTiming): boolean {
  if (!pausesFit(gaps, timing)) return false;
  const slow = gaps.filter((g) => g > timing.fastMs).length;
  return gaps.length - slow >= 2 * slow;
}

/** Keys and their Enter/Tab at a scanner's speed: mostly fast intervals, a pause or two, none long. */
export function looksScanned(times: readonly number[], timing: BurstTiming = WEDGE_TIMING): boolean {
  return times.length - 1 >= timing.minScanLength && scannerPaced(intervals(times), timing);
}

/**
 * While keys are held in a field: could this run still become a scan? Its first two intervals must be
 * fast (three keys within 2 × fastMs: no person does that), so a person's typing is released at once.
 * Only the pauses are judged here, not their share of the run: a scanner that pauses twice in a row (one key
 * alone in a USB report) has its fast keys still to come; the run's Enter is judged whole by looksScanned.
 */
function couldBeScan(times: readonly number[], timing: BurstTiming): boolean {
  const gaps = intervals(times);
  if (gaps.slice(0, 2).some((g) => g > timing.fastMs)) return false;
  return pausesFit(gaps, timing);
}

function holdFor(times: readonly number[], timing: BurstTiming): number {
  const fast = intervals(times).filter((g) => g <= timing.fastMs).length;
  return fast >= 2 ? timing.burstGapMs : timing.firstHoldMs;
}

/** On the surface, when a run ends: slow keys before a fast burst that makes a scan on its own are strays. */
function scanPart(keys: readonly Key[], endAt: number, timing: BurstTiming): readonly Key[] {
  const times = [...keys.map((k) => k.at), endAt];
  let start = keys.length - 1;
  while (start > 0 && times[start]! - times[start - 1]! <= timing.burstGapMs) start--;
  if (start === 0) return keys;
  // A fast prefix is the first part of a scan the scanner paused in (a slow host): keep it.
  const prefixScanned = start >= timing.minScanLength && scannerPaced(intervals(times.slice(0, start)), timing);
  return !prefixScanned && looksScanned(times.slice(start), timing) ? keys.slice(start) : keys;
}

const text = (keys: readonly Key[]) => keys.map((k) => k.ch).join('');
const typedText = (keys: readonly Key[]) => keys.map((k) => k.typed).join('');

export function createBurstClassifier(timing: BurstTiming = WEDGE_TIMING): BurstClassifier {
  let keys: Key[] = [];
  let place: KeyPlace = 'surface';
  let strayShown = false;
  /** Keys a field was given when their hold ran out (a tick), which a late but fast next key can take back. */
  let lapsed: Key[] = [];

  const decide = (key: BurstDecision['key'], release = '', scan: BurstScan | null = null, retract = ''): BurstDecision => {
    const last = keys[keys.length - 1];
    let deadline: number | null = null;
    if (last && place === 'field')
      deadline =
        last.at +
        holdFor(
          keys.map((k) => k.at),
          timing,
        );
    else if (last) deadline = last.at + (strayShown ? timing.clearStrayAfterMs : timing.showStrayAfterMs);
    return { key, release, scan, deadline, stray: place === 'surface' && strayShown ? text(keys) : '', retract };
  };
  /**
   * The focus moved in the middle of a run (a page that focuses its field as it opens): a scanner's run goes
   * on where it started, or a scan would lose its first keys; anything slower starts again in the new place.
   */
  const continues = (at: number): boolean => scannerPaced(intervals([...keys.map((k) => k.at), at]), timing);
  /** Ends the run without a scan: a field gets its held text, the surface's stray keys are dropped. */
  const drop = (): string => {
    const released = place === 'field' ? typedText(keys) : '';
    keys = [];
    strayShown = false;
    return released;
  };

  return {
    feed(input) {
      const late = lapsed;
      lapsed = [];
      switch (input.kind) {
        case 'char': {
          // The hold ran out on the clock, but this key's time says it followed at a scanner's pace: the
          // released keys were a scan's first keys after all. Take them back out of the field and go on.
          const last = late[late.length - 1];
          if (last && keys.length === 0 && input.place === 'field' && input.at - last.at <= timing.fastMs) {
            const times = [...late.map((k) => k.at), input.at];
            if (couldBeScan(times, timing)) {
              place = 'field';
              keys = [...late, { ch: input.ch, typed: input.typed ?? input.ch, at: input.at }];
              return decide('consume', '', null, typedText(late));
            }
          }
          const released = keys.length > 0 && input.place !== place && !continues(input.at) ? drop() : '';
          if (keys.length === 0) place = input.place;
          if (place === 'surface') {
            // A scanner is typing: the strays stop showing (they are dropped when its burst ends).
            const previous = keys[keys.length - 1];
            if (previous && input.at - previous.at <= timing.fastMs) strayShown = false;
            keys.push({ ch: input.ch, typed: input.typed ?? input.ch, at: input.at });
            return decide('consume', released);
          }
          const times = [...keys.map((k) => k.at), input.at];
          if (couldBeScan(times, timing)) {
            keys.push({ ch: input.ch, typed: input.typed ?? input.ch, at: input.at });
            return decide('consume', released);
          }
          // The run so far was a person's: the field gets it now. This key starts a run of its own, as it may be
          // a scanner's first (a notice scanned right after the last typed letter), held like any first key.
          const person = drop();
          keys = [{ ch: input.ch, typed: input.typed ?? input.ch, at: input.at }];
          return decide('consume', released + person);
        }
        case 'end': {
          // The same for the scan's Enter/Tab: its own time falls within the hold that ran out, so the whole
          // run was a scanner's, delivered late. Taken back out of the field, and the Enter never submits it
          // (a PIN field under load: the scan would be a wrong PIN, an attempt used).
          const lastLate = late[late.length - 1];
          if (lastLate && keys.length === 0 && input.place === 'field') {
            const times = [...late.map((k) => k.at), input.at];
            if (input.at - lastLate.at <= holdFor(times.slice(0, -1), timing) && looksScanned(times, timing)) {
              place = 'field';
              const scan = { text: text(late), dropped: '', startedAt: late[0]!.at, endedAt: input.at };
              return decide('consume', '', scan, typedText(late));
            }
          }
          if (keys.length > 0 && input.place !== place && !continues(input.at)) return decide('pass', drop());
          if (keys.length === 0) return decide('pass');
          if (place === 'field') {
            const times = [...keys.map((k) => k.at), input.at];
            if (!looksScanned(times, timing)) return decide('pass', drop());
            const scan = { text: text(keys), dropped: '', startedAt: keys[0]!.at, endedAt: input.at };
            keys = [];
            return decide('consume', '', scan);
          }
          const part = scanPart(keys, input.at, timing);
          const before = keys.slice(0, keys.length - part.length);
          const unsure = before.length === 1 && part[0]!.at - before[0]!.at < timing.showStrayAfterMs;
          const scan = { text: text(part), dropped: unsure ? text(before) : '', startedAt: part[0]!.at, endedAt: input.at };
          keys = [];
          strayShown = false;
          return decide('consume', '', scan);
        }
        case 'other':
          if (place === 'field' || input.clears) return decide('pass', drop());
          return decide('pass');
        case 'tick': {
          const last = keys[keys.length - 1];
          if (!last) return decide('pass');
          if (place === 'field') {
            if (
              input.at - last.at >=
              holdFor(
                keys.map((k) => k.at),
                timing,
              )
            ) {
              const given = keys;
              const released = drop();
              lapsed = given;
              return decide('pass', released);
            }
            return decide('pass');
          }
          if (input.at - last.at >= timing.clearStrayAfterMs) drop();
          else if (input.at - last.at >= timing.showStrayAfterMs) strayShown = true;
          return decide('pass');
        }
      }
    },
    holding: () => keys.length > 0,
    reset() {
      keys = [];
      strayShown = false;
    },
  };
}
