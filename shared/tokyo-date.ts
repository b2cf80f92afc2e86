// Every venue is in Japan: a business day is a Tokyo calendar day (UTC+9, no daylight saving).

// Many timestamps share an hour: each distinct UTC hour is converted once (reconciliation runs this per event).
const byHour = new Map<string, string>();

/** The Tokyo calendar date (YYYY-MM-DD) of an ISO timestamp. */
export function tokyoDateOf(iso: string): string {
  const hour = iso.slice(0, 13);
  let date = byHour.get(hour);
  if (date === undefined) {
    date = new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(hour, date);
  }
  return date;
}

/** A calendar date `days` after a YYYY-MM-DD date: e.g. the collection deadline after a notice was sent. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
