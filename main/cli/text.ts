// How every command writes a person and a moment, as the screens and prints do: 会場　責任者（lead1), never
// lead:lead1; 2026/12/02 19:42 in Tokyo time, never a UTC timestamp; and what a figure is counted up to.
import { dayText, tokyoDate, tokyoDateTime } from '../../shared/tokyo-date';
import type { StaffOnPaper } from '../../shared/print/print-html';
import type { FreeSpaceWarning } from '../../shared/ipc/contract/common';
import type { FreeSpace } from '../store/free-space';

/** A staff member as a terminal names them: the display name, and the staff id an auditor matches to the log. */
export function staffText(s: StaffOnPaper): string {
  return s.staffId === null ? s.name : `${s.name}（${s.staffId}）`;
}

/**
 * What the figures are counted up to: a past day's end (--date), or everything held now, with the time it is now
 * (no --date, or today's, which has not ended; a day to come is said to be one, over the figures of now).
 */
export function asOfText(now: Date, day?: string): string {
  const current = `現時点（${tokyoDateTime(now.toISOString())} 時点）`;
  if (day === undefined || day === tokyoDate(now)) return current;
  return day > tokyoDate(now) ? `${dayText(day)}（まだ来ていない日です。数字は${current}のもの）` : `${dayText(day)} 終了時点`;
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
