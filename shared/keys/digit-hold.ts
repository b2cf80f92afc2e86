// The hold behind the ID check's digit keys (renderer/counter/digit-keys.ts installs it on the window), pure so
// a node test can drive it with a fake clock. One digit key picks a document set in the ID check, yet a keyboard-mode scanner types digits too, and a
// scan that arrives during the dialog must reach the scan capture whole (renderer/scan/keyboard-capture.ts,
// which reads keys on the document in the capture phase). So a lone digit is held for a moment, on the
// window, before the capture sees it: if another key follows within a scanner's pace it was a scan's first
// character and is handed on (replayed) ahead of that key; if nothing follows, or a Ctrl/Alt chord
// follows (a person's Ctrl+Enter right after the digit), it was a person's key and picks the set.
const BURST_MS = 80;
const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Meta', 'AltGraph']);

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly repeat: boolean;
}

interface DigitKeyOptions {
  /** The digits that mean something here (the others are left to the scan capture at once). */
  readonly digits: ReadonlySet<number>;
  readonly now: () => number;
  /** Runs fn after ms; returns a cancel function. */
  readonly schedule: (fn: () => void, ms: number) => () => void;
  readonly onDigit: (digit: number) => void;
  /** Hands a held key on to the scan capture, as if it had just been typed. */
  readonly replay: (key: KeyLike) => void;
}

function digitOf(e: KeyLike): number | null {
  const m = /^(?:Digit|Numpad)([0-9])$/.exec(e.code);
  return m ? Number(m[1]) : null;
}

/** keydown → 'consume' (held: stop it here) or 'pass' (let it go on). `editable`: typed into a text field. */
export function createDigitKeys(o: DigitKeyOptions) {
  let lastAt = -Infinity;
  let held: { key: KeyLike; digit: number; cancel: () => void } | null = null;
  return {
    /** Forgets a held digit (the dialog closed before it was decided). */
    dispose() {
      held?.cancel();
      held = null;
    },
    keydown(e: KeyLike, editable: boolean): 'consume' | 'pass' {
      const t = o.now();
      if (held) {
        const h = held;
        held = null;
        h.cancel();
        if (e.ctrlKey || e.altKey || e.metaKey || MODIFIER_KEYS.has(e.key)) o.onDigit(h.digit);
        else o.replay(h.key);
      }
      const burst = t - lastAt < BURST_MS;
      lastAt = t;
      const digit = digitOf(e);
      if (burst || editable || digit === null || !o.digits.has(digit) || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return 'pass';
      // Copied: the event object is the browser's, and only these fields are replayed.
      const key: KeyLike = { key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: false, altKey: false, metaKey: false, repeat: false };
      held = {
        key,
        digit,
        cancel: o.schedule(() => {
          held = null;
          o.onDigit(digit);
        }, BURST_MS),
      };
      return 'consume';
    },
  };
}
