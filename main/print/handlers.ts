// Printing from the window: a venue prints its own documents; headquarters prints the ledgers it built, its
// own 個人情報取扱台帳 and its own handling reports (第13条・第15条).
import { VENUES } from '../../shared/venues/venues';
import { staffOf, type CallContext, type HandlerSlice } from '../ipc/dispatch';
import type { PrintRequest } from '../../shared/ipc/contract';
import type { CounterContext } from '../counter/counter-service';
import type { Clock } from '../clock';
import type { HqStore } from '../store/data-folder';
import type { AccessLog } from '../access/access-record';
import { accessRecordDocument, renderDocument } from './documents';
import { printRecorded } from './print-recorded';
import { renderHqLedger } from './hq-documents';
import type { Printer } from './printer';
import { reportDocument } from '../retention/report-print';

type PrintChannels = 'print:document' | 'print:save-pdf';
type HowPrinted = 'preview' | 'pdf';

/** Both channels print the same documents: to the window's preview (print:document), or to a saved PDF. */
function bothWays(
  print: (request: PrintRequest, call: CallContext, how: HowPrinted) => ReturnType<HandlerSlice<'print:document'>['print:document']>,
) {
  return {
    'print:document': (request: PrintRequest, call: CallContext) => print(request, call, 'preview'),
    'print:save-pdf': (request: PrintRequest, call: CallContext) => print(request, call, 'pdf'),
  };
}

export function venuePrintHandlers(counter: CounterContext, printer: Printer): HandlerSlice<PrintChannels> {
  return bothWays(async (request, call, how) => {
    const staff = staffOf(call);
    if (request.document === 'ledger' && request.venue !== undefined && request.venue !== counter.store.venue) {
      return { ok: false, error: { code: 'not-found', message: `この端末には${VENUES[request.venue].name}の台帳はありません` } };
    }
    const doc = renderDocument(
      { ctx: counter, staff, fontCssHref: printer.fontCssHref, printedAt: counter.clock.now().toISOString() },
      request,
    );
    if (!doc.ok) return doc;
    // A report's period goes with it: the record then says which 定期報告 was printed.
    const period: Record<string, string> =
      request.document === 'handling-report' || request.document === 'incident-report' ? { from: request.from, to: request.to } : {};
    return printRecorded(
      printer,
      counter.access,
      { stationId: counter.store.stationId, staff },
      doc.value,
      { document: request.document, ...period },
      how,
    );
  });
}

export function hqPrintHandlers(hq: { store: HqStore; clock: Clock; access: AccessLog }, printer: Printer): HandlerSlice<PrintChannels> {
  return bothWays(async (request, call, how) => {
    const staff = staffOf(call);
    const page = { staff, fontCssHref: printer.fontCssHref, printedAt: hq.clock.now().toISOString() };
    // HQ's own 個人情報取扱台帳, as its page shows it.
    if (request.document === 'access-record') {
      const doc = accessRecordDocument(hq, page, request);
      if (!doc.ok) return doc;
      return printRecorded(printer, hq.access, { stationId: hq.store.stationId, staff }, doc.value, { document: request.document }, how);
    }
    // HQ's own folder's 定期報告 and incident draft, as a venue's lead prints its station's.
    if (request.document === 'handling-report' || request.document === 'incident-report')
      return printRecorded(
        printer,
        hq.access,
        { stationId: hq.store.stationId, staff },
        reportDocument(hq.store, page, request),
        { document: request.document, from: request.from, to: request.to },
        how,
      );
    if (request.document !== 'ledger')
      return {
        ok: false,
        error: {
          code: 'unavailable',
          message: '事務センターで印刷できるのは送付台帳です（会場の日報は会場で印刷します。区全体の数字は「区全体の集計」に表示されます）',
        },
      };
    const doc = renderHqLedger(hq.store.db, request, page);
    if (!doc.ok) return doc;
    return printRecorded(
      printer,
      hq.access,
      { stationId: hq.store.stationId, staff },
      doc.value,
      { document: request.document, venue: request.venue ?? null },
      how,
    );
  });
}
