// Dates as the counter shows them: 西暦 and 和暦 side by side (residents and their IDs use either), and
// event times in Tokyo time whatever the PC's time zone.
import { formatWareki } from '../../shared/roster/japanese-date';
import { tokyoDate, tokyoWallClock } from '../../shared/tokyo-date';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] | null {
  const m = ISO_DATE.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** 1981-12-07 → 1981年12月7日 (anything else is shown as is). */
export function westernDate(iso: string): string {
  const p = parts(iso);
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : iso;
}

/** 1981-12-07 → 昭和56年12月7日; 1989-01-08 → 平成元年1月8日. Null before 明治 or for a non-date. */
export function warekiDate(iso: string): string | null {
  return formatWareki(iso, 'long');
}

/** An event timestamp (ISO with zone) → 2026/11/26 14:03 in Tokyo time (anything else is shown as is). */
export function tokyoDateTime(isoTimestamp: string): string {
  const w = tokyoWallClock(isoTimestamp);
  const p = w && parts(w.date);
  return p ? `${p[0]}/${p[1]}/${p[2]} ${w.time}` : isoTimestamp;
}

/** Today's date in Tokyo (YYYY-MM-DD), whatever the PC's time zone. */
export function tokyoToday(): string {
  return tokyoDate(new Date());
}
