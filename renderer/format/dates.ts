// Dates as every screen shows them, one way: a day as 2026年12月2日 (和暦 beside it where residents' dates are
// compared with their IDs), a moment as 2026/12/02 19:42 in Tokyo time whatever the PC's time zone. The
// formats themselves live in shared/tokyo-date.ts, so prints and the CLI read the same.
import { formatWareki } from '../../shared/roster/japanese-date';
import { dayText, dayWithWeekday, tokyoDate, tokyoDateTime, tokyoWallClock } from '../../shared/tokyo-date';

/** 1981-12-07 → 1981年12月7日 (anything else is shown as is). */
export const westernDate: (iso: string) => string = dayText;

/** 2026-12-02 → 2026年12月2日（水）: how a date field reads back what it understood. */
export const dateWithWeekday: (iso: string) => string = dayWithWeekday;

/** 1981-12-07 → 昭和56年12月7日; 1989-01-08 → 平成元年1月8日. Null before 明治 or for a non-date. */
export function warekiDate(iso: string): string | null {
  return formatWareki(iso, 'long');
}

/** An event timestamp (ISO with zone) → 2026/11/26 14:03 in Tokyo time (anything else is shown as is). */
export { tokyoDateTime };

/** An event timestamp → 14:03, Tokyo time (the day is clear from where it is shown). */
export function tokyoClockTime(iso: string): string {
  return tokyoWallClock(iso)?.time ?? iso;
}

/** Today's date in Tokyo (YYYY-MM-DD), whatever the PC's time zone. */
export function tokyoToday(): string {
  return tokyoDate(new Date());
}
