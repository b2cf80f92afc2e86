// The 定期報告 (別紙⑦ 第13条) and the incident draft (第15条) as printed documents: the handling report over the
// period asked for (main/retention/handling-report.ts), with staff and the station named as people name them.
// Pure read; the print path records the print in the access record. Names no resident: nothing goes in the
// print's `subjects`, because no resident's record is on the paper (only counts).
import type { HqStore, VenueStore } from '../store/data-folder';
import { listStaff } from '../auth/staff';
import { stationName } from '../counter/names';
import { handlingReport } from './handling-report';
import { handlingReportPrint, incidentReportPrint } from '../../shared/print/handling-report-print';
import type { StaffOnPaper } from '../../shared/print/print-html';
import type { PrintRequest } from '../../shared/ipc/contract';
import { dayText, tokyoDateTime, tokyoDayEnd, tokyoDayStart, tokyoInstant } from '../../shared/tokyo-date';

type ReportRequest = Extract<PrintRequest, { document: 'handling-report' | 'incident-report' }>;

export interface ReportPage {
  readonly staff: { readonly displayName: string; readonly staffId: string };
  readonly fontCssHref: string | null;
  readonly printedAt: string;
}

/** The report as the print path takes it (main/print/documents.ts's RenderedDocument). */
export function reportDocument(store: VenueStore | HqStore, page: ReportPage, request: ReportRequest) {
  const incident = request.document === 'incident-report';
  // The request was checked by the contract (real dates, from before to): these conversions cannot fail.
  const [fromIso, toIso] = incident
    ? [tokyoInstant(request.from.slice(0, 10), request.from.slice(11)), tokyoInstant(request.to.slice(0, 10), request.to.slice(11))]
    : [tokyoDayStart(request.from), tokyoDayEnd(request.to)];
  const period = incident ? `${tokyoDateTime(fromIso)} 〜 ${tokyoDateTime(toIso)}` : `${dayText(request.from)}〜${dayText(request.to)}`;
  const r = handlingReport(store, fromIso, toIso);
  const staff = listStaff(store.db);
  // The report keeps staff ids; on paper a person's name goes beside their id, as on every print.
  const onPaper = (staffId: string): StaffOnPaper => {
    const known = staff.find((s) => s.staffId === staffId);
    return known ? { name: known.displayName, staffId } : { name: staffId, staffId: null };
  };
  const printed = (incident ? incidentReportPrint : handlingReportPrint)({
    venue: 'site' in store ? store.site : store.venue,
    printedAt: page.printedAt,
    printedBy: { name: page.staff.displayName, staffId: page.staff.staffId },
    fontCssHref: page.fontCssHref,
    station: stationName(store, store.stationId),
    period,
    dataDir: r.held.dataDir,
    held: r.held.categories,
    uses: r.uses.map((u) => ({ staff: onPaper(u.staff), label: u.label, times: u.times })),
    totalUses: r.totalUses,
    residents: r.residents,
    accountEvents: r.accountEvents,
    backups: r.backups,
    exports: r.exports.map((e) => ({ ...e, staff: onPaper(e.staff) })),
    restores: r.restores,
  });
  return { ...printed, rows: 0, subject: `${request.from}/${request.to}`, subjects: [] as string[] };
}
