// What headquarters prints from its own data folder: a venue's shipment ledger with its 控え, from the
// rows HQ kept when it built the ledger. Pure read; the caller records the print in the access record.
import { err, ok, type Result } from '../../shared/result';
import type { PrintRequest } from '../../shared/ipc/contract';
import { VENUES } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
import { hqLedgerRows } from '../hq/hq-ledgers';
import { ledgerDocumentOf, type DocumentProblem, type RenderedDocument } from './documents';

export function renderHqLedger(
  db: Db,
  request: Extract<PrintRequest, { document: 'ledger' }>,
  page: { readonly fontCssHref: string | null; readonly printedAt: string },
): Result<RenderedDocument, DocumentProblem> {
  const { shipmentId, venue, order } = request;
  if (venue === undefined) return err({ code: 'not-found', message: 'どの会場の台帳かを指定してください' });
  const rows = hqLedgerRows(db, shipmentId, venue);
  if (rows === null)
    return err({ code: 'not-found', message: `出荷 ${shipmentId} の${VENUES[venue].name}あての台帳は作成記録にありません` });
  return ok(
    ledgerDocumentOf(
      { venue, shipmentId, rows, order },
      page,
      `各会場送付台帳 ${shipmentId} ${VENUES[venue].name}`,
      `${shipmentId}/${venue}`,
    ),
  );
}
