// What the counter sends for a scan: the canonical 予約管理番号 when the scan holds exactly one (a scanner
// may add a prefix or suffix, or the notice may omit the hyphen), otherwise the cleaned text as scanned,
// so main answers "malformed" and shows the clerk what arrived.
import { cleanScanText, normalizeScannedCode } from '../../shared/scanner/scan-assembler';

export function scanCodeToSend(text: string): string {
  const r = normalizeScannedCode(text);
  return r.ok ? r.reservationNo : cleanScanText(text).slice(0, 256);
}
