// Printing: a document rendered in main and handed to the platform's printer.
import { z } from 'zod';
import { VENUE_IDS } from '../../venues/venues';
import { BOTH, channel } from './channel';
import { IsoDate, ShipmentRef } from './common';
import { CheckId } from './receipt';
import { BatchId } from './returns';
import { RecordUseQuery } from './access';
import { HandlingReportRequest, IncidentReportRequest } from './data-life';

/** What can be printed; the ledger, the 個人情報取扱台帳 and the handling reports also by HQ (its own), the rest by the venue lead. */
export const PrintRequest = z.discriminatedUnion('document', [
  // `venue` says whose ledger at headquarters, which keeps every venue's; a venue station prints its own.
  z.strictObject({
    document: z.literal('ledger'),
    shipmentId: ShipmentRef,
    order: z.enum(['town', 'reservation']),
    venue: z.enum(VENUE_IDS).optional(),
  }),
  z.strictObject({ document: z.literal('daily-report'), date: IsoDate }),
  z.strictObject({ document: z.literal('discrepancy'), checkId: CheckId, shipmentId: ShipmentRef }),
  z.strictObject({ document: z.literal('return-list'), batchId: BatchId }),
  // The 個人情報取扱台帳 page's record (the lead's station's, or HQ's own), for the filter shown.
  RecordUseQuery.extend({ document: z.literal('access-record') }),
  // The 預り証 of a shipment's ledger taken in at this venue (別紙⑦ 第11条).
  z.strictObject({ document: z.literal('ledger-receipt'), shipmentId: ShipmentRef }),
  // The 定期報告 (第13条) and the incident draft (第15条) of this station's (or HQ's own) handling of residents' data.
  HandlingReportRequest,
  IncidentReportRequest,
]);
export type PrintRequest = z.infer<typeof PrintRequest>;

const Printed = z.strictObject({
  title: z.string(),
  pages: z.number().int(),
  /** The held document the window shows and prints (through the OS print dialog), or null. */
  preview: z.string().nullable(),
  /** Where the PDF was saved (print:save-pdf), or null (not saved, or cancelled). */
  savedTo: z.string().nullable(),
  /** Whether this platform saves a PDF itself (print:save-pdf: the installed app), recording where it went. */
  savesPdf: z.boolean(),
});

export const printContract = {
  /** Renders a document and holds it for the window's print preview. */
  'print:document': channel(PrintRequest, Printed, ['lead', 'hq'], BOTH),
  /** Renders the same document as a PDF saved where the lead chooses (the installed app), recorded with where it went. */
  'print:save-pdf': channel(PrintRequest, Printed, ['lead', 'hq'], BOTH),
} as const;
