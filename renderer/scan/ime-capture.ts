// A scan typed while the Japanese IME is on in a text field. Counter PCs often keep the IME on after a reason
// or a kana name was typed; the next notice scanned into that field then reaches the IME, not the page: every
// keydown is `Process` (keyCode 229), the page cannot hold or consume it, the IME turns the code into kana
// (おあｖー３４０１４８) and the scanner's Enter commits them into the field. The keydowns still name the keys
// (`code`), so the run can be read and timed as keyboard-capture reads any other: at a scanner's pace and ending
// in Enter/Tab, it is a scan, and the text its composition committed is taken back out of the field, which is
// left as it was when the composition began. A person composing (slower than any scanner) is left alone.
import type { KeyboardLayout } from '../../shared/scanner/boot-keyboard';
import { looksScanned, WEDGE_TIMING } from '../../shared/scanner/key-burst';
import { charForKeyboardCode, KNOWN_KEYBOARD_CODES } from '../../shared/scanner/keyboard-code';

type TextField = HTMLInputElement | HTMLTextAreaElement;

interface ImeScan {
  readonly text: string;
  readonly startedAt: number;
  readonly endedAt: number;
}

const KNOWN = new Set(KNOWN_KEYBOARD_CODES);
const TERMINATORS = new Set(['Enter', 'NumpadEnter', 'Tab']);

/** Whether the IME has this key (it composes, or is about to start). */
export function isImeKey(e: KeyboardEvent): boolean {
  return e.isComposing || e.key === 'Process' || e.keyCode === 229;
}

export interface ImeCapture {
  /** A keydown the IME has, in a text field: read and timed, never consumed (the IME has it already). */
  key(e: KeyboardEvent, field: TextField): void;
  dispose(): void;
}

export function installImeCapture(doc: Document, layout: () => KeyboardLayout, onScan: (scan: ImeScan) => void): ImeCapture {
  let keys: { ch: string; at: number }[] = [];
  /** The field as it was when the IME began composing: what it goes back to if the composition was a scan. */
  let before: { field: TextField; value: string; caret: number } | null = null;
  let undo = false;

  const onCompositionStart = (e: Event) => {
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement)
      before = { field: t, value: t.value, caret: t.selectionStart ?? t.value.length };
  };
  const onCompositionEnd = () => {
    if (!undo || !before) return;
    undo = false;
    const { field, value, caret } = before;
    // After the IME's own input event for the commit, so the page's state takes the restored value last.
    setTimeout(() => {
      if (!field.isConnected || field.value === value) return;
      field.value = value;
      field.setSelectionRange(caret, caret);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, 0);
  };
  doc.addEventListener('compositionstart', onCompositionStart, { capture: true });
  doc.addEventListener('compositionend', onCompositionEnd, { capture: true });

  return {
    key(e, field) {
      const at = e.timeStamp;
      const last = keys[keys.length - 1];
      // A pause longer than any scanner's between bursts: what came before was a person's.
      if (last && at - last.at > WEDGE_TIMING.burstGapMs) keys = [];
      if (TERMINATORS.has(e.code)) {
        const run = keys;
        keys = [];
        if (run.length === 0 || !looksScanned([...run.map((k) => k.at), at])) return;
        // The field goes back as the composition found it (without a compositionstart seen, it cannot be told).
        undo = before?.field === field;
        onScan({ text: run.map((k) => k.ch).join(''), startedAt: run[0]!.at, endedAt: at });
        return;
      }
      const ch = KNOWN.has(e.code) ? charForKeyboardCode(e.code, e.shiftKey, layout()) : null;
      if (ch === null) return; // Shift inside a scan, or a key of the IME's own
      if (ch === '') keys = [];
      else keys.push({ ch, at });
    },
    dispose() {
      doc.removeEventListener('compositionstart', onCompositionStart, { capture: true });
      doc.removeEventListener('compositionend', onCompositionEnd, { capture: true });
    },
  };
}
