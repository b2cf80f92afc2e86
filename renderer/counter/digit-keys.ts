// The ID check's digit keys on the window, in the capture phase (ahead of the document's scan capture in
// renderer/scan/keyboard-capture.ts); the hold that tells a person's digit from a scan's is
// shared/keys/digit-hold.ts.
import { createDigitKeys } from '../../shared/keys/digit-hold';

/** Installs the digit keys on the window (capture phase: ahead of the document's scan capture). */
export function installDigitKeys(digits: readonly number[], onDigit: (digit: number) => void): () => void {
  let replaying = false;
  const keys = createDigitKeys({
    digits: new Set(digits),
    now: () => performance.now(),
    schedule: (fn, ms) => {
      const id = window.setTimeout(fn, ms);
      return () => window.clearTimeout(id);
    },
    onDigit,
    replay: (k) => {
      replaying = true;
      try {
        document.dispatchEvent(
          new KeyboardEvent('keydown', { key: k.key, code: k.code, shiftKey: k.shiftKey, bubbles: true, cancelable: true }),
        );
      } finally {
        replaying = false;
      }
    },
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if (replaying || e.isComposing) return;
    const t = e.target;
    const editable =
      t instanceof HTMLTextAreaElement ||
      t instanceof HTMLSelectElement ||
      (t instanceof HTMLInputElement && !['checkbox', 'radio'].includes(t.type));
    if (keys.keydown(e, editable) === 'consume') {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
  window.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    keys.dispose();
    window.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}
