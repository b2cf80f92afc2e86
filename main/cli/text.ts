// How every command writes a person and a moment, as the screens and prints do: 会場　責任者（lead1), never
// lead:lead1; 2026/12/02 19:42 in Tokyo time, never a UTC timestamp; and what a figure is counted up to.
import { dayText, tokyoDateTime } from '../../shared/tokyo-date';
import type { StaffOnPaper } from '../../shared/print/print-html';
import type { FreeSpaceWarning } from '../../shared/ipc/contract/common';
import type { FreeSpace } from '../store/free-space';

/** A staff member as a terminal names them: the display name, and the staff id an auditor matches to the log. */
export function staffText(s: StaffOnPaper): string {
  return s.staffId === null ? s.name : `${s.name}（${s.staffId}）`;
}

/** What the figures are counted up to: a day's end (--date), or everything held now, with the time it is now. */
export function asOfText(now: Date, day?: string): string {
  return day === undefined ? `現時点（${tokyoDateTime(now.toISOString())} 時点）` : `${dayText(day)} 終了時点`;
}

/** The data folder's free space as `status` lists it (MB as the PC's drive properties count it), or unknown. */
export function freeSpaceText(f: FreeSpace | null): string {
  return f === null
    ? 'データフォルダの空き容量: 不明（システムから取得できません）\n'
    : `データフォルダの空き容量: 残り ${Math.floor(f.freeBytes / 2 ** 20).toLocaleString('ja-JP')} MB\n${warningText(f.warning)}`;
}

/** The warning, on a line of its own that says it is one; nothing when there is room. */
export function warningText(w: FreeSpaceWarning): string {
  return w === null ? '' : `警告: ${w.message}\n`;
}
