// Keyboard-mode (wedge) scanners in the renderer. One capture-phase keydown listener on the document reads
// every key before any element does, decodes it from `event.code` + Shift with the scanner's layout
// (shared/scanner/keyboard-code.ts), so neither the OS layout (JIS) nor the IME can garble it, and feeds the
// shared scan assembler: Enter or Tab ends a scan, timing never does.
//
// Keys that belong to a scan are consumed (preventDefault + stopPropagation), so a scan typed while a dialog
// has focus can neither tick a box nor press a button with its closing Enter. Enter, Tab and Space with
// nothing pending, and every key that is not a scan character (F-keys, arrows, Esc, Ctrl/Alt shortcuts),
// pass through untouched: the screen stays fully usable from the keyboard.
// In text fields (PIN, manual entry, search, reasons) the listener stands aside: typing there is typing.
import type { KeyboardLayout } from '../../shared/scanner/boot-keyboard';
import { charForKeyboardCode, KNOWN_KEYBOARD_CODES } from '../../shared/scanner/keyboard-code';
import { createScanAssembler } from '../../shared/scanner/scan-assembler';

interface CapturedScan {
  /** Cleaned scan text (no terminator, no control characters, no AIM prefix). */
  readonly text: string;
  /** performance.now() at the scan's first key and at its terminator. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface KeyboardCaptureOptions {
  /** Scans are only read while this is true (signed in, not locked). */
  readonly enabled: () => boolean;
  /** The scanner's configured keyboard country; US unless main says otherwise. */
  readonly layout: () => KeyboardLayout;
  readonly onScan: (scan: CapturedScan) => void;
}

const KNOWN = new Set(KNOWN_KEYBOARD_CODES);
const TERMINATORS: Record<string, string> = { Enter: '\r', NumpadEnter: '\r', Tab: '\t' };
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'password',
  'number',
  'tel',
  'email',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
  '',
]);

/** True for elements where keys are text the user is typing. */
function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

export function installKeyboardCapture(doc: Document, options: KeyboardCaptureOptions): () => void {
  const assembler = createScanAssembler({ now: () => performance.now() });

  const consume = (e: KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // While an IME composes, `code` still names the key but the IME owns it; never read a scan from it.
    if (e.isComposing || e.key === 'Process' || e.keyCode === 229) return;
    if (!options.enabled() || isEditableTarget(e.target)) {
      assembler.reset();
      return;
    }
    if (e.ctrlKey || e.altKey || e.metaKey) return; // shortcuts, never scan characters
    const pending = assembler.pending().length > 0;
    const terminator = TERMINATORS[e.code];
    if (terminator !== undefined) {
      if (!pending) return; // an ordinary Enter/Tab: activate, move focus
      consume(e);
      for (const s of assembler.push(terminator, performance.now())) {
        options.onScan({ text: s.text, startedAt: s.startedAtMs, endedAt: s.atMs });
      }
      return;
    }
    if (e.code === 'Escape') {
      assembler.reset(); // stray characters typed on the scan screen are thrown away with Esc
      return;
    }
    if (!KNOWN.has(e.code)) return;
    if (e.code === 'Space' && !pending) return; // Space ticks boxes and presses buttons
    const ch = charForKeyboardCode(e.code, e.shiftKey, options.layout());
    if (ch === null) return; // Shift, CapsLock, IME keys
    consume(e);
    if (e.repeat || ch === '') return; // a held key; JIS Shift+0 types nothing
    assembler.push(ch, performance.now());
  };

  doc.addEventListener('keydown', onKeyDown, { capture: true });
  return () => doc.removeEventListener('keydown', onKeyDown, { capture: true });
}
