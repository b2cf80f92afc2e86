// The data's whole life on the lead's page 個人情報の保管と報告 (a venue's lead; HQ staff of HQ's own folder): what
// residents' data this folder holds or put elsewhere, where, until when and how it goes (the retention plan, read
// only), and the periods the 定期報告 (別紙⑦ 第13条) and the incident draft (第15条) are printed for.
import { z } from 'zod';
import { BOTH, channel } from './channel';
import { Empty, IsoDate } from './common';
import { tokyoInstant } from '../../tokyo-date';

/** The longest 定期報告: a year (the contract's own term), so one request never reads years of records. */
const MOST_REPORT_DAYS = 366;
/** The longest incident window: a month; an incident spans hours, rarely days. */
const MOST_INCIDENT_DAYS = 31;
const DAY_MS = 86_400_000;

/** The instant of a Tokyo wall time, or null for one that is no real time (2026-02-30, 25:00). */
function instant(date: string, time = '00:00'): number | null {
  try {
    return Date.parse(tokyoInstant(date, time));
  } catch {
    return null;
  }
}

/** A Tokyo wall-clock time to the minute, as the CLI takes it: 2026-12-03T09:00. */
const WallTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '日時は YYYY-MM-DDTHH:MM（東京時間）です');
const wall = (t: string) => instant(t.slice(0, 10), t.slice(11));

/** 定期報告: first and last day, both included. */
export const HandlingReportRequest = z
  .strictObject({ document: z.literal('handling-report'), from: IsoDate, to: IsoDate })
  .refine((r) => instant(r.from) !== null && instant(r.to) !== null, { message: 'ない日付です', path: ['from'] })
  .refine((r) => r.from <= r.to, { message: '最後の日は最初の日以後にしてください', path: ['to'] })
  .refine((r) => (instant(r.to) ?? 0) - (instant(r.from) ?? 0) < MOST_REPORT_DAYS * DAY_MS, {
    message: `期間は${MOST_REPORT_DAYS}日までです`,
    path: ['to'],
  });

/** The incident draft: from a moment to another (the end excluded), Tokyo time. */
export const IncidentReportRequest = z
  .strictObject({ document: z.literal('incident-report'), from: WallTime, to: WallTime })
  .refine((r) => wall(r.from) !== null && wall(r.to) !== null, { message: 'ない日時です', path: ['from'] })
  .refine((r) => (wall(r.from) ?? 0) < (wall(r.to) ?? 0), { message: '終わりは始まりより後にしてください', path: ['to'] })
  .refine((r) => (wall(r.to) ?? 0) - (wall(r.from) ?? 0) <= MOST_INCIDENT_DAYS * DAY_MS, {
    message: `時間帯は${MOST_INCIDENT_DAYS}日までです`,
    path: ['to'],
  });

const RetentionCategory = z.strictObject({
  id: z.enum(['resident-rows', 'events', 'access-record', 'sync-files', 'backups', 'plaintext-files']),
  item: z.string(),
  medium: z.string(),
  count: z.number(),
  unit: z.string(),
  method: z.string(),
  /** Each piece outside the folder (a backup, a file written out), and whether it is still there. */
  places: z.array(z.strictObject({ path: z.string(), present: z.boolean(), at: z.string() })),
});

export const dataLifeContract = {
  /** The retention plan (第12条): counts and places, never a resident. Read only; erasure stays at the command line. */
  'data-life:plan': channel(
    Empty,
    z.strictObject({ dataDir: z.string(), contractEnd: z.string().nullable(), categories: z.array(RetentionCategory) }),
    ['lead', 'hq'],
    BOTH,
  ),
} as const;
