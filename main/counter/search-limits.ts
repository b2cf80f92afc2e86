// Each person's searches, counted from the access record itself (what was recorded is what counts: a restart
// does not reset it), against the limits in shared/counter/search-rules.ts. Crossing one is refused, written to the
// access record, and said to the venue lead on the strip for the rest of the day.
import type { Db } from '../db/connection';
import { countActionsSince, lastActionsSince } from '../db/queries/access-records';
import { SEARCH_LIMITS } from '../../shared/counter/search-rules';
import { tokyoDate, tokyoDayStart } from '../../shared/tokyo-date';

type SearchLimit = (typeof SEARCH_LIMITS)[number];

function windowStart(limit: SearchLimit, now: Date): string {
  return limit.windowMinutes === null
    ? tokyoDayStart(tokyoDate(now))
    : new Date(now.getTime() - limit.windowMinutes * 60_000).toISOString();
}

/** The first limit this person has reached, if any (the search about to be made would pass it). */
export function searchLimitReached(db: Db, actor: string, now: Date): SearchLimit | null {
  return SEARCH_LIMITS.find((l) => countActionsSince(db, 'search', actor, windowStart(l, now)) >= l.max) ?? null;
}

export function searchRefusedMessage(limit: SearchLimit): string {
  const when =
    limit.windowMinutes === null ? '本日はこれ以上検索できません' : `しばらく（最長${limit.windowMinutes}分）待ってから検索してください`;
  return `検索は一人${limit.words}までです。${when}。通知書のバーコードを読み取るか、番号入力（F2）を使ってください。このことは会場責任者に通知されました（コード: SEARCH-LIMIT）`;
}

/** Today's refusals, one line per person (their last, and how many): what the lead's strip says. */
export function searchRefusalsToday(db: Db, now: Date): { actor: string; at: string; times: number }[] {
  return lastActionsSince(db, 'search-refused', tokyoDayStart(tokyoDate(now)));
}
