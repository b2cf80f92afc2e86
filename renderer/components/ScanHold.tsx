// What the keyboard capture is holding, said where the clerk looks: scans kept for after unlock or sign-in,
// and typed keys on the scan surface that are not a scan (they clear themselves; Esc clears them now).
import { useScanHoldStore } from '../stores/scan-hold-store';
import { count } from '../../shared/numbers';

const HELD_TEXT = {
  locked: 'ロック中です。読み取った番号はロック解除後に表示します',
  'signed-out': 'サインインしていません。読み取った番号はサインイン後に表示します',
} as const;

export function HeldScansNotice({ at }: { readonly at: keyof typeof HELD_TEXT }) {
  const held = useScanHoldStore((s) => s.held.length);
  if (held === 0) return null;
  return (
    <p className="pending-scans" role="status" data-testid="held-scans">
      {HELD_TEXT[at]}（{count(held)}）
    </p>
  );
}

export function StrayKeys() {
  const stray = useScanHoldStore((s) => s.stray);
  if (stray === '') return null;
  const text = `キー「${stray}」はスキャンではありません（まもなく消えます・Escで消去）`;
  // In the counter's action bar this is one line, cut with an ellipsis where narrow (the title has it whole):
  // the keys come first, so they show even in the lead's narrow bar.
  return (
    <p className="notice notice-info" role="status" data-testid="stray-keys" title={text}>
      キー「<span className="mono">{stray}</span>」はスキャンではありません（まもなく消えます・Escで消去）
    </p>
  );
}
