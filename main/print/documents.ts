// Each printable document, assembled from the venue's store and rendered by its template in shared/print:
// the shipment ledger (正本 + 控え), the daily report, a receipt check's discrepancy report, a return list, the
// 預り証 of an imported ledger, the 個人情報取扱台帳 and the handling reports (第13条・第15条; HQ prints these two of
// its own folder too).
// Pure reads; the caller records the print in the access record and hands the HTML to the printer.
import { err, ok, type Result } from '../../shared/result';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import type { PrintRequest } from '../../shared/ipc/contract';
import { ledgerPageCount, ledgerPrintHtml, type PrintRow } from '../../shared/print/ledger-print';
import type { CounterContext } from '../counter/counter-service';
import { dailyReportHtml, dailyReportPageCount, dailyReportTitle } from '../../shared/print/daily-report-print';
import { discrepancyPageCount, discrepancyReportHtml, type DiscrepancyRow } from '../../shared/print/discrepancy-print';
import { returnListHtml, returnListPageCount } from '../../shared/print/return-list-print';
import type { Staff } from '../auth/staff';
import { staffOnPaper, stationName } from '../counter/names';
import { readEvents } from '../db/event-log';
import { unexpectedInCheck } from '../db/queries/events';
import { readShipment } from '../db/queries/shipments';
import { cardNameAddressReader, shipmentPrintRows } from '../db/queries/ledger-cards';
import { dayHalfHours, reconciledDay, stationNames } from '../reconciliation/reconciliation-view';
import { returnBatchCards } from '../returns/returns';
import { code128Barcode } from './barcode';
import type { SiteId, VenueId } from '../../shared/venues/venues';
import { recordUses, type RecordSite, type RecordUseQuery } from '../access/record-uses';
import { accessRecordHtml, accessRecordPageCount } from '../../shared/print/access-record-print';
import { ledgerReceiptHtml } from '../../shared/print/ledger-receipt-print';
import { dayText } from '../../shared/tokyo-date';
import { reportDocument } from '../retention/report-print';

export interface RenderedDocument {
  readonly title: string;
  readonly html: string;
  readonly pages: number;
  /** How many residents' records it shows (for the access record). */
  readonly rows: number;
  /** What it is about: a shipment, a date, a check or a batch. */
  readonly subject: string;
  /** Whose records it shows, by reservation number (the access record keeps them: 別紙⑦, every use by whose data). */
  readonly subjects: readonly string[];
}

export interface DocumentProblem {
  readonly code: 'not-found' | 'forbidden' | 'invalid-input';
  readonly message: string;
}

export interface DocumentContext {
  readonly ctx: CounterContext;
  readonly staff: Staff;
  readonly fontCssHref: string | null;
  /** When it is printed: an ISO timestamp, which the templates show in Tokyo time. */
  readonly printedAt: string;
}

const LEAD_ONLY: ReadonlySet<PrintRequest['document']> = new Set([
  'discrepancy',
  'return-list',
  'access-record',
  'ledger-receipt',
  'handling-report',
  'incident-report',
]);

export function renderDocument(dc: DocumentContext, request: PrintRequest): Result<RenderedDocument, DocumentProblem> {
  if (LEAD_ONLY.has(request.document) && dc.staff.role !== 'lead')
    return err({ code: 'forbidden', message: 'この帳票は会場責任者のみが印刷できます' });
  switch (request.document) {
    case 'ledger':
      return ledgerDocument(dc, request.shipmentId, request.order);
    case 'daily-report':
      return dailyReportDocument(dc, request.date);
    case 'discrepancy':
      return discrepancyDocument(dc, request.checkId, request.shipmentId);
    case 'return-list':
      return returnListDocument(dc, request.batchId);
    case 'access-record':
      return accessRecordDocument(dc.ctx, dc, request);
    case 'ledger-receipt':
      return ledgerReceiptDocument(dc, request.shipmentId);
    case 'handling-report':
    case 'incident-report':
      return ok(reportDocument(dc.ctx.store, dc, request));
  }
}

/** The 預り証 of a shipment's ledger, from its import (the event: who, where, when, which file). Names no resident. */
function ledgerReceiptDocument(dc: DocumentContext, shipmentId: string): Result<RenderedDocument, DocumentProblem> {
  const { store } = dc.ctx;
  const imported = readEvents(store.db, 'ledger.imported').find((e) => (e.payload as { shipmentId: string }).shipmentId === shipmentId);
  if (!imported) return err({ code: 'not-found', message: `出荷 ${shipmentId} は取り込まれていません` });
  const p = imported.payload as { rowCount: number; createdAt: string; fileSha256: string; hqKeyId: string };
  const html = ledgerReceiptHtml({
    ...common(dc),
    shipmentId,
    rowCount: p.rowCount,
    createdAt: p.createdAt,
    fileSha256: p.fileSha256,
    hqKeyId: p.hqKeyId,
    importedAt: imported.clientTime,
    importedBy: staffOnPaper(store, imported.actor),
    station: stationName(store, imported.stationId),
    recordId: imported.id,
  });
  return ok({ title: `預り証 ${shipmentId}`, html, pages: 2, rows: 0, subject: shipmentId, subjects: [] });
}

const commonOf = <S extends SiteId>(venue: S, page: Omit<DocumentContext, 'ctx'>) => ({
  venue,
  printedAt: page.printedAt,
  // The one printing is signed in: their own account names them.
  printedBy: { name: page.staff.displayName, staffId: page.staff.staffId },
  fontCssHref: page.fontCssHref,
});
const common = (dc: DocumentContext) => commonOf(dc.ctx.store.venue, dc);

function dailyReportDocument(dc: DocumentContext, date: string): Result<RenderedDocument, DocumentProblem> {
  const { r, report } = reconciledDay(dc.ctx, date);
  // Every breaker on paper (the screen shows the first few hundred), and the day's chart.
  const input = {
    ...common(dc),
    date,
    closed: report.closed && { ...report.closed, by: staffOnPaper(dc.ctx.store, report.closed.by) },
    current: report.current,
    correctedSinceClose: report.correctedSinceClose,
    shipments: r.shipments,
    breakers: r.breakers,
    stationNames: stationNames(
      dc.ctx,
      [...report.current.byStation, ...(report.closed?.figures.byStation ?? [])].map((s) => s.stationId),
    ),
    halfHours: dayHalfHours(r),
  };
  // Names never appear on the daily report: counts, stations and reservation numbers of breakers only — and
  // those numbers are residents' records, named in the print's access row.
  return ok({
    title: dailyReportTitle(date),
    html: dailyReportHtml(input),
    pages: dailyReportPageCount(input),
    rows: 0,
    subject: date,
    subjects: r.breakers.map((b) => b.reservationNo),
  });
}

function discrepancyDocument(dc: DocumentContext, checkId: string, shipmentId: string): Result<RenderedDocument, DocumentProblem> {
  const { db } = dc.ctx.store;
  const closing = readEvents(db, 'receipt.check-closed').find(
    (e) => (e.payload as { checkId: string }).checkId === checkId && (e.payload as { shipmentId: string }).shipmentId === shipmentId,
  );
  if (!closing) return err({ code: 'not-found', message: '締めた受領確認のみ差異報告書を印刷できます' });
  const p = closing.payload as {
    shipped: number;
    scanned: number;
    differences: { code: string; kind: 'missing' | 'unexpected'; reason: DiscrepancyRow['reason']; memo: string }[];
  };
  const unexpectedKinds = new Map(unexpectedInCheck(db, checkId).map((u) => [u.code, u.kind]));
  const card = cardNameAddressReader(db);
  // Only cards: a misread closed as 余剰 before misreads stopped being recorded is not one, and is left out.
  const differences: DiscrepancyRow[] = p.differences.flatMap((d) => {
    if (!normalizeReservationNumber(d.code).ok) return [];
    const c = card(d.code);
    return [
      {
        ...d,
        name: c?.name ?? null,
        address: c?.address ?? null,
        unexpectedKind: d.kind === 'unexpected' ? (unexpectedKinds.get(d.code) ?? null) : null,
      },
    ];
  });
  const html = discrepancyReportHtml({
    ...common(dc),
    shipmentId,
    checkId,
    closedAt: closing.clientTime,
    closedBy: staffOnPaper(dc.ctx.store, closing.actor),
    shipped: p.shipped,
    scanned: p.scanned,
    differences,
  });
  return ok({
    title: `受領確認 差異報告書 ${shipmentId}`,
    html,
    pages: discrepancyPageCount(differences.length),
    rows: differences.filter((d) => d.name !== null).length,
    subject: checkId,
    subjects: differences.filter((d) => d.name !== null).map((d) => d.code),
  });
}

/**
 * The 個人情報取扱台帳 for the filter shown, from a venue's record or HQ's own: read as the page reads it, and that
 * reading is itself recorded as a view (the print is recorded beside it by the caller).
 */
export function accessRecordDocument(
  site: RecordSite,
  page: Omit<DocumentContext, 'ctx'>,
  query: RecordUseQuery,
): Result<RenderedDocument, DocumentProblem> {
  const found = recordUses(site, page.staff, query);
  if (!found.ok) return err({ code: 'invalid-input', message: found.error.message });
  const { uses, capped } = found.value;
  const filter = [
    query.date && dayText(query.date),
    query.staffId && `職員 ${query.staffId}`,
    query.reservationNo && `予約管理番号 ${query.reservationNo}`,
  ]
    .filter(Boolean)
    .join('・');
  const where = 'site' in site.store ? site.store.site : site.store.venue;
  return ok({
    title: `個人情報取扱台帳 ${filter}`,
    html: accessRecordHtml({ ...commonOf(where, page), filter, capped, rows: uses }),
    pages: accessRecordPageCount(uses),
    rows: new Set(uses.flatMap((u) => (u.subject ? [u.subject] : []))).size,
    subject: query.reservationNo ?? query.date ?? '',
    subjects: [...new Set(uses.flatMap((u) => (u.subject ? [u.subject] : [])))],
  });
}

function returnListDocument(dc: DocumentContext, batchId: string): Result<RenderedDocument, DocumentProblem> {
  const batch = returnBatchCards(dc.ctx, batchId);
  if (!batch) return err({ code: 'not-found', message: 'この返戻は記録されていません' });
  const html = returnListHtml({
    ...common(dc),
    number: batch.number,
    recordedAtStation: batch.stationName,
    recordedAt: batch.at,
    recordedBy: staffOnPaper(dc.ctx.store, batch.by),
    reason: batch.reason,
    barcode: code128Barcode,
    rows: batch.rows,
  });
  return ok({
    title: `返戻リスト ${batch.number}`,
    html,
    pages: 2 * returnListPageCount(batch.rows.length),
    rows: batch.rows.length,
    subject: batchId,
    subjects: batch.rows.map((r) => r.reservationNo),
  });
}

function ledgerDocument(dc: DocumentContext, shipmentId: string, order: 'town' | 'reservation'): Result<RenderedDocument, DocumentProblem> {
  const { db, venue } = dc.ctx.store;
  if (!readShipment(db, shipmentId)) return err({ code: 'not-found', message: `出荷 ${shipmentId} は取り込まれていません` });
  const rows: PrintRow[] = shipmentPrintRows(db, shipmentId);
  return ok(ledgerDocumentOf({ venue, shipmentId, rows, order }, dc, `各会場送付台帳 ${shipmentId}`, shipmentId));
}

/** A shipment ledger (正本 + 控え) from its rows: at a venue from its own ledger, at HQ from the rows HQ kept. */
export function ledgerDocumentOf(
  ledger: { venue: VenueId; shipmentId: string; rows: readonly PrintRow[]; order: 'town' | 'reservation' },
  page: { readonly fontCssHref: string | null; readonly printedAt: string },
  title: string,
  subject: string,
): RenderedDocument {
  const html = ledgerPrintHtml({ ...ledger, printedAt: page.printedAt, barcode: code128Barcode, fontCssHref: page.fontCssHref });
  const subjects = ledger.rows.map((r) => r.reservationNo);
  return { title, html, pages: 2 * ledgerPageCount(ledger.rows.length), rows: ledger.rows.length, subject, subjects };
}

/**
 * Hands a rendered document to the printer after noting it in the access record: every print of residents'
 * data is a look at it (別紙⑦), recorded before the document leaves main.
 */
