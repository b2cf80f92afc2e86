// The 個人情報取扱台帳 of a site (issue 14): every use of residents' data there — the looks in the access record,
// and the changes, which are events — filtered by day, staff and resident. The venue lead reads their station's;
// HQ's staff read HQ's own. Looking at it is a use too: each view is written to the access record, naming the
// resident asked about.
import type { CounterContext } from '../counter/counter-service';
import type { HqStore } from '../store/data-folder';
import { actorOf, type Staff } from '../auth/staff';
import { accessRowsMatching } from '../db/queries/access-records';
import { cardEventsMatching } from '../db/queries/events';
import { actorName, stationName } from '../counter/names';
import { CARD_EVENT_LABELS, accessActionLabel } from '../../shared/access/access-actions';
import { dayText, tokyoDayEnd, tokyoDayStart } from '../../shared/tokyo-date';
import { err, ok, type Result } from '../../shared/result';
import { accessLog } from '../counter/counter-service';
import type { AccessRecordPrintRow } from '../../shared/print/access-record-print';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { isVenueId, VENUES } from '../../shared/venues/venues';

/**
 * Whose record: a venue's counter (its changes include its sibling stations', the venue's shared cards), or
 * HQ's folder, whose record is its own looks and prints alone — the venues' events it took in from their sync
 * files are the venues' uses, in their own records.
 */
export type RecordSite = CounterContext | (Pick<CounterContext, 'clock' | 'access'> & { readonly store: HqStore });

export interface RecordUseQuery {
  readonly date: string | null;
  readonly staffId: string | null;
  readonly reservationNo: string | null;
}

/** One use of residents' data, as the page and its print show it. */
export type RecordUse = AccessRecordPrintRow;

/** More than a screen or a few printed pages: the page asks for a narrower filter. */
const RECORD_USES_SHOWN = 2_000;

const DOCUMENTS: Readonly<Record<string, string>> = {
  ledger: '送付台帳',
  'daily-report': '日報',
  discrepancy: '差異報告書',
  'return-list': '返戻リスト',
  uncollected: '未受領一覧',
  'routing-report': '振分レポート',
  'access-record': '個人情報取扱台帳',
  reconciliation: '照合（合わないカード）',
  'ledger-receipt': '預り証',
  'ward-report': '区全体の集計（合わないカード）',
  'handling-report': '定期報告',
  'incident-report': '事故報告（下書き）',
};

/** A report's period as people read it: 2026年12月1日〜2026年12月31日, or 2026/12/03 09:00〜2026/12/03 12:00 (Tokyo wall times). */
function periodText(from: string, to: string): string {
  const wall = (t: string) => (t.includes('T') ? t.replaceAll('-', '/').replace('T', ' ') : dayText(t));
  return `${wall(from)}〜${wall(to)}`;
}

function noteOf(action: string, detail: Record<string, unknown>): string {
  const document = typeof detail.document === 'string' ? (DOCUMENTS[detail.document] ?? detail.document) : null;
  if (action === 'search-refused') return detail.limit === 'day' ? '1日の上限' : '10分間の上限';
  if (action === 'backup' && typeof detail.destination === 'string') return `→ ${detail.destination}`;
  if (action === 'backup-verify' && typeof detail.destination === 'string')
    return `${detail.ok === true ? '正常' : '異常'}: ${detail.destination}`;
  if (action === 'backup-settings') return backupSettingsNote(detail);
  if (action === 'auto-open-settings') return detail.on === true ? 'オン（OS の資格情報で鍵を保護）' : 'オフ';
  if (action === 'export' && typeof detail.destination === 'string') return `${document ?? ''} → ${detail.destination}`;
  // A 定期報告 or incident draft: for which period.
  if (document !== null && typeof detail.from === 'string' && typeof detail.to === 'string')
    return `${document} ${periodText(detail.from, detail.to)}`;
  // HQ prints any venue's ledger: which one it was.
  if (document !== null && isVenueId(detail.venue)) return `${document}（${VENUES[detail.venue].name}）`;
  return document ?? '';
}

/** What a change of the backup settings changed: the folder always (old → new), the numbers when they moved. */
function backupSettingsNote(d: Record<string, unknown>): string {
  const parts = [`${typeof d.folderFrom === 'string' ? d.folderFrom : '未設定'} → ${String(d.folderTo)}`];
  if (d.keepFrom !== d.keepTo) parts.push(`残す数 ${String(d.keepFrom)} → ${String(d.keepTo)}`);
  if (d.checkDaysFrom !== d.checkDaysTo) parts.push(`確認の間隔 ${String(d.checkDaysFrom)} → ${String(d.checkDaysTo)}日`);
  return parts.join('、');
}

export function recordUses(
  ctx: RecordSite,
  staff: Staff,
  query: RecordUseQuery,
): Result<{ uses: RecordUse[]; capped: boolean }, { code: 'invalid-input'; message: string }> {
  if (query.date === null && query.reservationNo === null && query.staffId === null)
    return err({ code: 'invalid-input', message: '日付・職員ID・予約管理番号のどれかを指定してください' });
  const filter = {
    from: query.date && tokyoDayStart(query.date),
    to: query.date && tokyoDayEnd(query.date),
    staffId: query.staffId,
    reservationNo: query.reservationNo,
    limit: RECORD_USES_SHOWN + 1,
  };
  const { db } = ctx.store;
  const atHq = 'site' in ctx.store;
  const looks: RecordUse[] = accessRowsMatching(db, filter).map((r) => {
    const detail = JSON.parse(r.detail) as Record<string, unknown>;
    const listed = Array.isArray(detail.subjects) ? detail.subjects.length : 0;
    return {
      at: r.at,
      station: stationName(ctx.store, r.station_id),
      staff: actorName(ctx.store, r.actor),
      staffId: r.actor.slice(r.actor.indexOf(':') + 1),
      what: accessActionLabel(r.action),
      // A print names its document (a shipment, a date) as its subject: only a resident's number is one here.
      subject: r.subject !== null && normalizeReservationNumber(r.subject).ok ? r.subject : null,
      listed,
      note: noteOf(r.action, detail),
    };
  });
  const changes: RecordUse[] = cardEventsMatching(db, { ...filter, stationId: atHq ? ctx.store.stationId : null }).map((e) => ({
    at: e.client_time,
    station: stationName(ctx.store, e.station_id),
    staff: actorName(ctx.store, e.actor),
    staffId: e.actor.slice(e.actor.indexOf(':') + 1),
    what: CARD_EVENT_LABELS[e.kind] ?? e.kind,
    subject: e.subject,
    listed: 0,
    note: '',
  }));
  const all = [...looks, ...changes].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const uses = all.slice(0, RECORD_USES_SHOWN);
  // The view is a use of what it shows: the residents on it, by number (a list's contents stay counts here).
  accessLog(ctx).record({
    stationId: ctx.store.stationId,
    actor: actorOf(staff),
    action: 'access-view',
    subject: query.reservationNo,
    detail: {
      date: query.date,
      staffId: query.staffId,
      rows: uses.length,
      subjects: [...new Set(uses.flatMap((u) => (u.subject ? [u.subject] : [])))],
    },
  });
  return ok({ uses, capped: all.length > RECORD_USES_SHOWN });
}
