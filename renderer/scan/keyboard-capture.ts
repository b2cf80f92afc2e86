// Keyboard-mode (wedge) scanners in the renderer. One capture-phase keydown listener on the document reads
// every key before any element does, decodes it from `event.code` + Shift with the scanner's layout
// (shared/scanner/keyboard-code.ts), so neither the OS layout (JIS) nor the IME can garble it, and asks the
// burst classifier (shared/scanner/key-burst.ts) whether the run is a scanner's or a person's.
//
// The scanner always wins, whatever has the focus:
// - In a text field (PIN, manual entry, search, reasons, memos) a key is held back only while the run could
//   still be a scanner's (≤ 40 ms for a lone key). A scanner's burst ending in Enter/Tab is a scan the field
//   never sees, nor the form its Enter; a person's keys are put into the field at the caret, in order, as
//   typed (execCommand('insertText'), so React sees an ordinary input event and undo works), and their
//   Enter, Tab, Backspace and Ctrl+Enter act only after the held text is in.
// - Anywhere else (the scan surface, a checkbox, a button) scan characters are consumed, so a scan typed
//   while a dialog has focus can neither tick a box nor press a button with its closing Enter. Keys that
//   wait without an Enter are shown (onStray) and clear themselves; Esc clears them at once.
// Enter, Tab and Space with nothing pending, and every key that is not a scan character (F-keys, arrows,
// Esc, Ctrl/Alt shortcuts), pass through untouched. Fields without a caret (date, select, number) are left
// alone: there, keys are the person's. Keys the Japanese IME has are read by ime-capture.ts.
import type { KeyboardLayout } from '../../shared/scanner/boot-keyboard';
import { createBurstClassifier, type BurstDecision, type BurstInput } from '../../shared/scanner/key-burst';
import { charForKeyboardCode, KNOWN_KEYBOARD_CODES } from '../../shared/scanner/keyboard-code';
import { readBurstScan } from '../../shared/scanner/scan-assembler';
import { installImeCapture, isImeKey } from './ime-capture';

interface CapturedScan {
  /** The scan as typed, without its terminator (cleaned later, as every scan source is). */
  readonly text: string;
  /** performance.now() at the scan's first key and at its terminator. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface KeyboardCaptureOptions {
  /** Keys are read only while this is true (a venue station, signed in, locked or at sign-in). */
  readonly enabled: () => boolean;
  /** The scanner's configured keyboard country; US unless main says otherwise. */
  readonly layout: () => KeyboardLayout;
  readonly onScan: (scan: CapturedScan) => void;
  /** Typed keys waiting on the scan surface that are not a scan ('' when they clear). */
  readonly onStray: (text: string) => void;
}

const KNOWN = new Set(KNOWN_KEYBOARD_CODES);
const TERMINATORS = new Set(['Enter', 'NumpadEnter', 'Tab']);
/** Inputs with a caret, where held keys can be put back exactly where they were typed. */
const CARET_INPUT_TYPES = new Set(['text', 'search', 'password', 'tel', 'url', '']);
/** Inputs that take typed text without a caret to put it back at. Checkboxes, radios, buttons: the surface. */
const NO_CARET_INPUT_TYPES = new Set(['date', 'datetime-local', 'month', 'time', 'week', 'number', 'email']);

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** 'field' for a text field, 'aside' for other editable elements (left to the person), else 'surface'. */
function placeOf(target: EventTarget | null): 'field' | 'aside' | 'surface' {
  if (!(target instanceof HTMLElement)) return 'surface';
  if (target instanceof HTMLTextAreaElement) return 'field';
  if (target instanceof HTMLInputElement) {
    if (CARET_INPUT_TYPES.has(target.type)) return 'field';
    return NO_CARET_INPUT_TYPES.has(target.type) ? 'aside' : 'surface';
  }
  return target.isContentEditable || target instanceof HTMLSelectElement ? 'aside' : 'surface';
}

/** Puts released keys into the field they were typed into, at its caret, as typing would. */
function insertText(field: TextField, text: string): void {
  if (!field.isConnected || text === '') return;
  if (field.ownerDocument.activeElement === field && field.ownerDocument.execCommand('insertText', false, text)) return;
  // Focus moved before the hold ran out: still the field's text, at its caret; an input event tells React.
  const at = field.selectionStart ?? field.value.length;
  field.setRangeText(text, at, field.selectionEnd ?? at, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Takes back text a lapsed hold gave the field, if it is still just before the caret (else leaves the field be). */
function removeBeforeCaret(field: TextField, text: string): void {
  const at = field.selectionStart ?? field.value.length;
  if (!field.isConnected || field.selectionEnd !== at || field.value.slice(at - text.length, at) !== text) return;
  field.setSelectionRange(at - text.length, at);
  if (field.ownerDocument.activeElement === field && field.ownerDocument.execCommand('delete')) return;
  field.setRangeText('', at - text.length, at, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function installKeyboardCapture(doc: Document, options: KeyboardCaptureOptions): () => void {
  const classifier = createBurstClassifier();
  const ime = installImeCapture(doc, options.layout, options.onScan);
  let heldIn: TextField | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stray = '';

  const apply = (d: BurstDecision, e?: KeyboardEvent): void => {
    if (d.retract !== '' && heldIn) removeBeforeCaret(heldIn, d.retract);
    if (d.release !== '' && heldIn) insertText(heldIn, d.release);
    if (e && d.key === 'consume') {
      e.preventDefault();
      e.stopPropagation();
    }
    if (d.scan) options.onScan({ text: readBurstScan(d.scan), startedAt: d.scan.startedAt, endedAt: d.scan.endedAt });
    if (d.stray !== stray) options.onStray((stray = d.stray));
    if (timer !== null) clearTimeout(timer);
    const deadline = d.deadline;
    // A timer never fires early, so the deadline has passed when it fires (even under a test's fake clock).
    const tick = () => apply(classifier.feed({ kind: 'tick', at: Math.max(performance.now(), deadline ?? 0) }));
    timer = deadline === null ? null : setTimeout(tick, deadline - performance.now());
  };
  const feed = (input: BurstInput, e?: KeyboardEvent) => apply(classifier.feed(input), e);

  const onKeyDown = (e: KeyboardEvent) => {
    // The event's own time, not the time it is handled: a busy page handles a person's keys in a bunch.
    const at = e.timeStamp;
    const place = placeOf(e.target);
    const other = (clears = false) => feed({ kind: 'other', at, clears }, e);
    if (!options.enabled() || place === 'aside') return other();
    // The IME has the key already (ime-capture.ts reads a scan typed into it and takes its kana back out).
    if (isImeKey(e)) {
      if (place === 'field') ime.key(e, e.target as TextField);
      return other();
    }
    if (e.ctrlKey || e.altKey || e.metaKey) return other(); // shortcuts (Ctrl+Enter confirms) act on the whole text
    if (TERMINATORS.has(e.code)) return feed({ kind: 'end', at, place }, e);
    if (e.code === 'Escape') return other(true);
    if (!KNOWN.has(e.code)) return other();
    if (e.code === 'Space' && place === 'surface' && !classifier.holding()) return other(); // Space ticks boxes, presses buttons
    const ch = charForKeyboardCode(e.code, e.shiftKey, options.layout());
    if (ch === null) return; // Shift, CapsLock, IME keys: a scanner presses Shift inside a scan
    if (e.repeat) return place === 'field' ? other() : void e.preventDefault(); // a held key: typing, never a scan
    if (ch === '') return void e.preventDefault(); // JIS Shift+0 types nothing
    // A run keeps the field it started in (the classifier says whether a run goes on after the focus moved).
    if (place === 'field' && !classifier.holding()) heldIn = e.target as TextField;
    // Released into a field, a key is what the person's keyboard types (its layout, CapsLock), not the scanner's reading.
    feed({ kind: 'char', ch, typed: e.key.length === 1 ? e.key : ch, at, place }, e);
  };

  doc.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    doc.removeEventListener('keydown', onKeyDown, { capture: true });
    ime.dispose();
    if (timer !== null) clearTimeout(timer);
  };
}
