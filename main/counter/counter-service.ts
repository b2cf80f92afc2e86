// The counter's use cases: scan → decision, hand over after an ID check, refuse, undo (lead), search,
// view, and the status strip. Looks at a record go to the access record; changes are events, which already
// say who changed which card, where and when (the access record report reads both). Plain functions over the venue store and a clock; roles are checked by the
// IPC layer from the contract and again here for the one action that changes someone else's record.
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { checkIdentity, type IdCheck } from '../../shared/counter/id-documents';
import { SEARCH_RESULT_CAP, type ScanOutcome, type SearchHit } from '../../shared/counter/outcomes';
import { VENUES } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import { immediateAccessLog, type AccessLog } from '../access/access-record';
import type { Clock } from '../clock';
import { tokyoDate, tokyoDateTime } from '../../shared/tokyo-date';
import type { VenueStore } from '../store/data-folder';
import { actorOf, type Staff } from '../auth/staff';
import { readCardState, readCardStates } from './card-state';
import { handoverView, stationName } from './names';
import { searchLedgerCards } from '../db/queries/ledger-cards';
import { dayClosing } from '../db/queries/events';
import { venueReconciliation } from '../reconciliation/reconciliation';
import { writeTransaction } from '../db/transaction';
import { searchPrefix, searchPrefixProblem } from '../../shared/counter/search-rules';
import { searchLimitReached, searchRefusedMessage } from './search-limits';

export interface CounterContext {
  readonly store: VenueStore;
  readonly clock: Clock;
  /** Where looks at records go; written immediately unless the app supplies a group-committing log. */
  readonly access?: AccessLog;
}

type CounterProblemCode =
  | 'malformed'
  | 'not-found'
  | 'not-received'
  | 'already-handed-over'
  | 'id-check-failed'
  | 'not-handed-over'
  | 'forbidden'
  | 'returned'
  | 'damaged'
  | 'day-closed'
  | 'search-limit';
export interface CounterProblem {
  readonly code: CounterProblemCode;
  readonly message: string;
}

/** What the counter shows for a scanned or typed code. Showing a resident is written to the access record. */
export function decideScan(ctx: CounterContext, staff: Staff, code: string): ScanOutcome {
  const parsed = normalizeReservationNumber(code);
  if (!parsed.ok) return { kind: 'malformed', shown: printable(code) };
  const reservationNo = parsed.value;
  const state = readCardState(ctx.store.db, reservationNo);
  switch (state.kind) {
    case 'unknown': {
      if (state.elsewhere && state.elsewhere !== ctx.store.venue) {
        const v = VENUES[state.elsewhere];
        return { kind: 'other-venue', reservationNo, venue: { id: v.id, name: v.name, place: v.place } };
      }
      return { kind: 'not-in-ledger', reservationNo };
    }
    case 'not-received':
      return { kind: 'not-received', reservationNo, shipmentId: state.card.shipmentId, because: state.because };
    case 'returned':
      return { kind: 'returned', reservationNo, at: state.at };
    case 'damaged':
      return { kind: 'damaged', reservationNo, at: state.at };
    case 'outstanding':
      logView(ctx, staff, 'scan-view', reservationNo);
      return { kind: 'ok', card: state.card };
    case 'handed-over':
      logView(ctx, staff, 'scan-view', reservationNo);
      return { kind: 'already-handed-over', card: state.card, handover: handoverView(ctx.store, state.handover) };
  }
}

/**
 * Once the day is closed (日締め, at any station of the venue), recording more for it needs a venue lead: the
 * one signed in, or one who approved with their PIN at the counter (`approver`, checked by the caller). Gives
 * the lead's actor, recorded with the event, or undefined while the day is open.
 */
function afterClose(ctx: CounterContext, staff: Staff, approver: Staff | null): Result<string | undefined, CounterProblem> {
  const today = tokyoDate(ctx.clock.now());
  if (!dayClosing(ctx.store.db, today)) return ok(undefined);
  const lead = staff.role === 'lead' ? staff : approver?.role === 'lead' ? approver : null;
  if (!lead) {
    const [y, m, d] = today.split('-').map(Number);
    return err({
      code: 'day-closed',
      message: `本日（${y}年${m}月${d}日）は日締め済みです。続けて記録するには会場責任者の承認（職員IDとPIN）が必要です`,
    });
  }
  return ok(actorOf(lead));
}

export function recordHandover(
  ctx: CounterContext,
  staff: Staff,
  reservationNo: string,
  idCheck: IdCheck,
  approver: Staff | null = null,
): Result<{ eventId: string; at: string }, CounterProblem> {
  const verdict = checkIdentity(idCheck);
  if (!verdict.ok) return err({ code: 'id-check-failed', message: verdict.reason });
  const { db, stationId } = ctx.store;
  // Decide and write in one transaction, so two quick confirms cannot both hand the card over.
  return writeTransaction(db, (): Result<{ eventId: string; at: string }, CounterProblem> => {
    const state = readCardState(db, reservationNo);
    if (state.kind === 'unknown') return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
    if (state.kind === 'not-received')
      return err({
        code: 'not-received',
        message:
          state.because === 'card-missing'
            ? 'このカードは会場に届いていないと記録されています'
            : 'このカードの出荷はまだ会場で受領確認されていません',
      });
    if (state.kind === 'handed-over')
      return err({
        code: 'already-handed-over',
        message: `交付済みです（${tokyoDateTime(state.handover.at)}、${stationName(ctx.store, state.handover.stationId)}）`,
      });
    if (state.kind === 'returned') return err({ code: 'returned', message: 'このカードは事務センターへ返戻済みです' });
    if (state.kind === 'damaged') return err({ code: 'damaged', message: 'このカードは破損として記録されています。交付できません' });
    const approved = afterClose(ctx, staff, approver);
    if (!approved.ok) return approved;
    const event = appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'handover.recorded',
      payload: { reservationNo, idCheck, ...(approved.value ? { approvedAfterClose: approved.value } : {}) },
      subject: reservationNo,
    });
    return ok({ eventId: event.id, at: event.clientTime });
  });
}

export function recordRefusal(
  ctx: CounterContext,
  staff: Staff,
  reservationNo: string,
  reason: string,
  approver: Staff | null = null,
): Result<{ eventId: string }, CounterProblem> {
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<{ eventId: string }, CounterProblem> => {
    const state = readCardState(db, reservationNo);
    if (state.kind !== 'outstanding') return err({ code: 'not-found', message: '交付待ちのカードではありません' });
    const approved = afterClose(ctx, staff, approver);
    if (!approved.ok) return approved;
    const event = appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'handover.refused',
      payload: { reservationNo, reason, ...(approved.value ? { approvedAfterClose: approved.value } : {}) },
      subject: reservationNo,
    });
    return ok({ eventId: event.id });
  });
}

export function undoHandover(
  ctx: CounterContext,
  staff: Staff,
  reservationNo: string,
  reason: string,
): Result<{ eventId: string }, CounterProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '交付の取消は会場責任者のみができます' });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<{ eventId: string }, CounterProblem> => {
    const state = readCardState(db, reservationNo);
    if (state.kind !== 'handed-over') return err({ code: 'not-handed-over', message: 'このカードは交付済みではありません' });
    const event = appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'handover.undone',
      payload: { reservationNo, handoverEventId: state.handover.eventId, reason },
      subject: reservationNo,
    });
    return ok({ eventId: event.id });
  });
}

/** Search without a barcode: kana (or name) prefix plus birth date. The query itself is never recorded. */
export function searchCards(
  ctx: CounterContext,
  staff: Staff,
  query: { prefix: string; birthDate: string },
): Result<{ hits: SearchHit[]; capped: boolean }, CounterProblem> {
  const { db } = ctx.store;
  const short = searchPrefixProblem(query.prefix);
  if (short) return err({ code: 'malformed', message: short });
  const limit = searchLimitReached(db, actorOf(staff), ctx.clock.now());
  if (limit) {
    accessLog(ctx).record({ stationId: ctx.store.stationId, actor: actorOf(staff), action: 'search-refused', detail: { limit: limit.id } });
    return err({ code: 'search-limit', message: searchRefusedMessage(limit) });
  }
  const prefix = searchPrefix(query.prefix);
  const found = searchLedgerCards(db, {
    birthDate: query.birthDate,
    kanaLike: likePrefix(toKatakana(prefix)),
    nameLike: likePrefix(prefix),
    limit: SEARCH_RESULT_CAP + 1,
  });
  const capped = found.length > SEARCH_RESULT_CAP;
  const states = readCardStates(db, found.slice(0, SEARCH_RESULT_CAP));
  const hits: SearchHit[] = states.map((s) => {
    if (s.kind === 'unknown') throw new Error('card vanished during search');
    return { reservationNo: s.card.reservationNo, name: s.card.name, kana: s.card.kana, birthDate: s.card.birthDate, state: s.kind };
  });
  // Whose records the list showed, by reservation number: the record says who was seen, never what was typed.
  accessLog(ctx).record({
    stationId: ctx.store.stationId,
    actor: actorOf(staff),
    action: 'search',
    detail: { results: hits.length, capped, subjects: hits.map((h) => h.reservationNo) },
  });
  return ok({ hits, capped });
}

export function viewCard(ctx: CounterContext, staff: Staff, reservationNo: string): Result<ScanOutcome, CounterProblem> {
  const state = readCardState(ctx.store.db, reservationNo);
  if (state.kind === 'unknown') return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
  logView(ctx, staff, 'record-view', reservationNo);
  if (state.kind === 'handed-over')
    return ok({ kind: 'already-handed-over', card: state.card, handover: handoverView(ctx.store, state.handover) });
  if (state.kind === 'not-received')
    return ok({ kind: 'not-received', reservationNo, shipmentId: state.card.shipmentId, because: state.because });
  if (state.kind === 'returned') return ok({ kind: 'returned', reservationNo, at: state.at });
  if (state.kind === 'damaged') return ok({ kind: 'damaged', reservationNo, at: state.at });
  return ok({ kind: 'ok', card: state.card });
}

export interface CounterStatus {
  readonly handoversTodayAtStation: number;
  readonly outstandingAtVenue: number;
  readonly cardsAtVenue: number;
}

/**
 * The status strip's counts: the venue's reconciliation (the one card fold, kept in memory and fed only the
 * events appended since, so asking after every action costs the new events), not a second count in SQL.
 */
export function counterStatus(ctx: CounterContext): CounterStatus {
  const r = venueReconciliation(ctx.store);
  const today = tokyoDate(ctx.clock.now());
  const here = r.byDayAndStation.find((d) => d.date === today && d.stationId === ctx.store.stationId);
  return { handoversTodayAtStation: here?.handedOver ?? 0, outstandingAtVenue: r.total.outstanding, cardsAtVenue: r.total.shipped };
}

function logView(ctx: CounterContext, staff: Staff, action: 'scan-view' | 'record-view', reservationNo: string): void {
  accessLog(ctx).record({ stationId: ctx.store.stationId, actor: actorOf(staff), action, subject: reservationNo });
}

/** The context's access log; a context without one (a test, a command) writes each look at once. HQ's context too. */
export function accessLog(ctx: Pick<CounterContext, 'clock' | 'access'> & { store: Pick<VenueStore, 'db'> }): AccessLog {
  return ctx.access ?? immediateAccessLog(ctx.store.db, ctx.clock);
}

function likePrefix(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** A malformed scan is shown back to the clerk, minus anything unprintable, and short. */
export function printable(code: string): string {
  return [...code.replace(/[\p{C}]/gu, '')].slice(0, 40).join('');
}
