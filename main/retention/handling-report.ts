// Reports of how residents' data was handled, from the access record (個人情報取扱台帳) and the retention plan:
// - 第13条 (定期報告): over a period, what data was held and where, who used it and how often (per person and
//   kind of use), the residents touched, backups made and checked, files written out;
// - 第15条 (緊急時報告): a draft for an incident over a time range — which kinds of data, how many residents, where,
//   what was done with them and by whom — for the person reporting to complete (what happened, what was done).
// Counts, staff ids and places only: no resident is named, and the residents are counted, not listed.
import type { Db } from '../db/connection';
import { accessRowsMatching } from '../db/queries/access-records';
import { ACCOUNT_ACTIONS, accessActionLabel, CARD_EVENT_LABELS } from '../../shared/access/access-actions';
import { cardEventsMatching } from '../db/queries/events';
import { readEvents } from '../db/event-log';
import { retentionPlan, type RetentionPlan } from './retention-plan';

// Counted apart from the uses of residents' data: who held the station, and a change of where backups go or of
// whether the station opens by itself (settings, no resident's data read or written).
const ACCOUNT: ReadonlySet<string> = new Set([...ACCOUNT_ACTIONS, 'backup-settings', 'auto-open-settings']);

/** More rows than any period's report reads (a year of a busy counter is ~100,000). */
const ALL = 10_000_000;

export interface HandlingReport {
  readonly stationId: string;
  readonly from: string;
  readonly to: string;
  readonly held: RetentionPlan;
  /** Uses per person and kind, most first. */
  readonly uses: readonly { readonly staff: string; readonly action: string; readonly label: string; readonly times: number }[];
  readonly totalUses: number;
  /** Sign-ins, locks, wrong PINs and the like: who held the station, not uses of residents' data. */
  readonly accountEvents: number;
  /** Distinct residents whose records were looked at, listed or changed-looked-at in the period. */
  readonly residents: number;
  readonly backups: { readonly made: number; readonly checked: number; readonly failedChecks: number };
  readonly exports: readonly { readonly at: string; readonly staff: string; readonly destination: string; readonly rows: number | null }[];
  /** Restores from a backup in the period, with the access rows lost with the disk (an incident in itself). */
  readonly restores: readonly {
    readonly at: string;
    readonly backupCreatedAt: string;
    readonly lost: { from: number; to: number } | null;
  }[];
}

/** `fromIso`..`toIso` (UTC instants, the end excluded). */
export function handlingReport(
  store: { readonly dir: string; readonly db: Db; readonly stationId: string },
  fromIso: string,
  toIso: string,
): HandlingReport {
  const all = accessRowsMatching(store.db, { from: fromIso, to: toIso, staffId: null, reservationNo: null, limit: ALL });
  const rows = all.filter((r) => !ACCOUNT.has(r.action));
  // The changes to residents' records this station made (handovers, returns, corrections) are uses too: each is
  // its own record of use in the event log (the access record notes the looks).
  const changes = cardEventsMatching(store.db, {
    from: fromIso,
    to: toIso,
    staffId: null,
    reservationNo: null,
    stationId: store.stationId,
    limit: ALL,
  }).filter((e) => e.kind in CARD_EVENT_LABELS);
  const per = new Map<string, { staff: string; action: string; times: number }>();
  const residents = new Set<string>();
  let made = 0;
  let checked = 0;
  let failedChecks = 0;
  const exports: HandlingReport['exports'][number][] = [];
  for (const r of rows) {
    const staff = r.actor.slice(r.actor.indexOf(':') + 1);
    const key = `${staff}\n${r.action}`;
    per.set(key, { staff, action: r.action, times: (per.get(key)?.times ?? 0) + 1 });
    const d = JSON.parse(r.detail) as { subjects?: unknown; destination?: unknown; rows?: unknown; ok?: unknown };
    // A list names its residents in detail.subjects (its subject is then a day or a shipment); a single look's
    // subject is the resident.
    const listed = Array.isArray(d.subjects) ? d.subjects.filter((s): s is string => typeof s === 'string') : null;
    if (listed !== null) for (const s of listed) residents.add(s);
    else if (r.subject !== null && (r.action === 'scan-view' || r.action === 'record-view')) residents.add(r.subject);
    if (r.action === 'backup') made++;
    if (r.action === 'backup-verify' && d.ok === true) checked++;
    else if (r.action === 'backup-verify') failedChecks++;
    if (r.action === 'export' && typeof d.destination === 'string')
      exports.push({ at: r.at, staff, destination: d.destination, rows: typeof d.rows === 'number' ? d.rows : null });
  }
  for (const e of changes) {
    const staff = e.actor.slice(e.actor.indexOf(':') + 1);
    const key = `${staff}\n${e.kind}`;
    per.set(key, { staff, action: e.kind, times: (per.get(key)?.times ?? 0) + 1 });
    residents.add(e.subject);
  }
  const uses = [...per.values()]
    .map((u) => ({ ...u, label: CARD_EVENT_LABELS[u.action] ?? accessActionLabel(u.action) }))
    .sort((a, b) => b.times - a.times || a.staff.localeCompare(b.staff) || a.action.localeCompare(b.action));
  return {
    stationId: store.stationId,
    from: fromIso,
    to: toIso,
    held: retentionPlan(store),
    uses,
    totalUses: rows.length + changes.length,
    accountEvents: all.length - rows.length,
    residents: residents.size,
    backups: { made, checked, failedChecks },
    exports: exports.reverse(),
    restores: readEvents(store.db, 'station.restored')
      .filter((e) => e.stationId === store.stationId && e.clientTime >= fromIso && e.clientTime < toIso)
      .map((e) => {
        const p = e.payload as { backupCreatedAt: string; lostAccess: { from: number; to: number } | null };
        return { at: e.clientTime, backupCreatedAt: p.backupCreatedAt, lost: p.lostAccess };
      }),
  };
}
