// Checking the chained records (issue 14): the access record (個人情報取扱台帳) and this station's own events.
// Run when the station is unlocked and by `madoguchi access verify`. It names the first row that does not hold:
// one missing (numbers must run 1, 2, 3 … without a gap), one changed after it was written (its link no longer
// follows), or a record that ends before a number something else in the folder saw it reach (SQLite's own
// sequence, a published sync file). Someone with the passphrase could rewrite a record and every link after it;
// what HQ was sent each day (main/sync/access-checkpoint.ts) still tells on that.
import type { Db } from '../db/connection';
import { readMeta } from '../db/queries/meta';
import { restoredMarks } from '../backup/restored-marks';
import { accessHighWater, iterateAccessChain, iterateEventChain, publishedHeads } from '../db/queries/chains';
import { GENESIS, accessDigest, eventDigest, link } from './chain';
import { count } from '../../shared/numbers';
import { readEvents } from '../db/event-log';
import { listActiveStaff } from '../db/queries/staff';
import { ROLE_LABELS, type StaffRole } from '../../shared/ipc/roles';
import { tokyoDateTime } from '../../shared/tokyo-date';

interface RecordBreak {
  readonly record: 'access' | 'events' | 'staff';
  /** The first number that does not hold. */
  readonly seq: number;
  readonly message: string;
}

export interface RecordCheck {
  readonly accessRows: number;
  readonly ownEvents: number;
  /** Each record's last link as walked (a backup's manifest carries them). */
  readonly heads: { readonly access: ChainHead | null; readonly events: ChainHead | null };
  readonly problem: RecordBreak | null;
}

interface ChainHead {
  readonly seq: number;
  readonly chain: string;
}

const NAMES = { access: '個人情報取扱台帳', events: 'この端末の業務記録' } as const;
const CODE = '（コード: RECORD-TAMPERED）';
const ADVICE = 'この端末のデータが書き換えられた可能性があります。会場責任者は事務センターに連絡してください';

function broken(record: keyof typeof NAMES, seq: number, what: string): RecordBreak {
  return { record, seq, message: `${NAMES[record]}の${what}。${ADVICE}${CODE}` };
}

interface Walked {
  readonly rows: number;
  readonly last: ChainHead | null;
  readonly chainAt: ReadonlyMap<number, string>;
  readonly problem: RecordBreak | null;
}

/** Walks one record from its first row: numbering without gaps, every link recomputed. */
function walk<R extends { seq: number; chain: string | null }>(
  record: keyof typeof NAMES,
  rows: Iterable<R>,
  digest: (r: R) => string,
  when: (r: R) => string,
  keepAt: ReadonlySet<number>,
): Walked {
  let expected = 1;
  let previous = GENESIS;
  let n = 0;
  let last: Walked['last'] = null;
  const chainAt = new Map<number, string>();
  for (const r of rows) {
    if (r.seq !== expected) {
      const what =
        r.seq > expected
          ? `${count(expected)}目${r.seq - expected > 1 ? `から${count(r.seq - 1)}目まで` : ''}がありません（削除されています）`
          : `${count(r.seq)}目が二度あります`;
      return { rows: n, last, chainAt, problem: broken(record, expected, what) };
    }
    const should = link(previous, digest(r));
    if (r.chain !== should)
      return {
        rows: n,
        last,
        chainAt,
        problem: broken(record, r.seq, `${count(r.seq)}目（${tokyoDateTime(when(r))}の記録）が、記録された後に変更されています`),
      };
    previous = should;
    last = { seq: r.seq, chain: should };
    if (keepAt.has(r.seq)) chainAt.set(r.seq, should);
    expected++;
    n++;
  }
  return { rows: n, last, chainAt, problem: null };
}

export function checkRecords(db: Db, stationId: string): RecordCheck {
  // Files published before a restore from a backup state the record as it was before the disk was lost; the
  // rows past the backup went with it, and the station said so in its own record (`station.restored`).
  const restoredThrough = restoredMarks(db)?.throughExport ?? 0;
  const published = publishedHeads(db).filter((p) => p.seq > restoredThrough);
  const chainedFrom = Number(readMeta(db)['access-chain-from-export'] ?? 0);
  const witnessed = new Set(published.filter((p) => p.seq > chainedFrom).map((p) => p.access_seq));

  const access = walk('access', iterateAccessChain(db), accessDigest, (r) => r.at, witnessed);
  const events = walk('events', iterateEventChain(db, stationId), eventDigest, (r) => r.client_time, new Set());
  const result = (problem: RecordBreak | null): RecordCheck => ({
    accessRows: access.rows,
    ownEvents: events.rows,
    heads: { access: access.last, events: events.last },
    problem,
  });
  if (access.problem) return result(access.problem);
  if (events.problem) return result(events.problem);
  const staff = staffProblem(db);
  if (staff) return result(staff);

  // The end of each record, against what saw it further along.
  const accessEnd = access.last?.seq ?? 0;
  const highWater = accessHighWater(db);
  if (highWater > accessEnd) return result(truncated('access', accessEnd, highWater, null));
  for (const p of published) {
    if (p.access_seq > accessEnd) return result(truncated('access', accessEnd, p.access_seq, p.seq));
    if (p.through_event_seq > (events.last?.seq ?? 0))
      return result(truncated('events', events.last?.seq ?? 0, p.through_event_seq, p.seq));
    if (p.seq > chainedFrom && p.access_seq > 0 && access.chainAt.get(p.access_seq) !== p.access_sha256)
      return result(
        broken(
          'access',
          p.access_seq,
          `${count(p.access_seq)}目までが、同期ファイル #${p.seq} で送った時と一致しません（書き換えられています）`,
        ),
      );
  }
  return result(null);
}

function truncated(record: keyof typeof NAMES, end: number, reached: number, file: number | null): RecordBreak {
  const seen = file === null ? 'あったはずですが' : `あったことが同期ファイル #${file} に残っていますが`;
  return broken(record, end + 1, `記録は${count(reached)}目まで${seen}、${count(end)}目で終わっています（末尾が削除されています）`);
}

/**
 * The staff table is not chained, but every account's role was given by an event (`staff.enrolled`, chained):
 * a role changed in the table behind the app's back (a clerk made a lead) no longer matches it.
 */
function staffProblem(db: Db): RecordBreak | null {
  const enrolled = new Map<string, StaffRole>();
  for (const e of readEvents(db, 'staff.enrolled')) {
    const p = e.payload as { staffId: string; role: StaffRole };
    enrolled.set(p.staffId, p.role);
  }
  for (const s of listActiveStaff(db)) {
    const given = enrolled.get(s.staff_id);
    if (given !== s.role)
      return {
        record: 'staff',
        seq: 0,
        message: `職員 ${s.staff_id} の役割（${ROLE_LABELS[s.role]}）が、登録の記録（${given ? ROLE_LABELS[given] : '記録なし'}）と違います（職員の表が書き換えられています）。${ADVICE}${CODE}`,
      };
  }
  return null;
}
