// The composition root at headquarters (事務センター): HQ's own data folder, its sessions, and the channels
// HQ serves — the ledgers HQ built, printed with their 控え (別紙③ 2④). No counter, no scanner.
import type { Clock } from '../clock';
import type { HqStore } from '../venue/data-folder';
import type { Handlers } from '../ipc/dispatch';
import { createDispatcher } from '../ipc/dispatch';
import { Sessions } from '../session/sessions';
import { readSetting } from '../venue/settings';
import { groupCommitAccessLog } from '../access/access-record';
import { createPreviewPrinter, type Printer } from '../print/printer';
import { hqLedgers } from '../hq/hq-ledgers';
import { consolidate } from '../hq/consolidation';
import { inboxKey } from '../sync/sync-keys';
import { pullAndIngest, pullSources, summarizePull } from '../sync/pull';
import { renderHqLedger } from '../print/hq-documents';
import { printRecorded } from '../print/documents';
import type { Staff } from '../staff/staff';
import { tokyoDateTime } from '../../shared/tokyo-date';
import { sessionHandlers } from './session-handlers';
import type { SiteApp } from './create-app';

export function createHqApp(store: HqStore, clock: Clock, log: (line: string) => void, printer: Printer = createPreviewPrinter()): SiteApp {
  const idleLockMinutes = () => readSetting(store.db, 'idle-lock-minutes');
  const sessions = new Sessions(clock, idleLockMinutes);
  const access = groupCommitAccessLog(store.db, clock);
  const stationView = { unlocked: true, hq: true, venue: null, stationId: store.stationId };
  const staffOf = (s: Staff | null): Staff => {
    if (!s) throw new Error('handler reached without a session');
    return s;
  };

  const handlers: Partial<Handlers> = {
    'station:status': () => stationView,
    'station:unlock': () => stationView,
    ...sessionHandlers(store.db, clock, sessions, idleLockMinutes),
    'hq:ledgers': () => hqLedgers(store.db).map(({ fileSha256: _, ...l }) => l),
    'hq:pull': async () => {
      const recipient = inboxKey(store.db);
      if (!recipient) return { ok: false, error: { code: 'unavailable', message: '事務センターの同期鍵がありません（madoguchi sync identity で作成してください）' } };
      return summarizePull(await pullAndIngest({ db: store.db, clock, recipient }, pullSources(store.db, [])));
    },
    'hq:report': ({ date }) => {
      const r = consolidate(store.db, { asOf: date });
      return {
        asOf: r.asOf, total: r.total, holds: r.holds, mismatches: [...r.mismatches],
        venues: r.venues.map((v) => ({ venue: v.venue, name: v.name, figures: v.figures, holds: v.holds, stations: v.stations.map(({ stationId, files, lastSeq, lastBusinessDate, gaps, stale }) => ({ stationId, files, lastSeq, lastBusinessDate, gaps: [...gaps], stale })) })),
        shipments: r.shipments.map(({ shipmentId, shipped, jlisCards, matches }) => ({ shipmentId, shipped, jlisCards, matches })),
      };
    },
    'print:document': async (request, { staff }) => {
      const s = staffOf(staff);
      if (request.document !== 'ledger') return { ok: false, error: { code: 'unavailable', message: '事務センターで印刷できるのは送付台帳です（会場の日報は会場で印刷します。区全体の数字は「区全体の集計」に表示されます）' } };
      const doc = renderHqLedger(store.db, request, { fontCssHref: printer.fontCssHref, printedAt: tokyoDateTime(clock.now().toISOString()) });
      if (!doc.ok) return doc;
      return printRecorded(printer, access, { stationId: store.stationId, staff: s }, doc.value, { document: request.document, venue: request.venue ?? null });
    },
  };

  return {
    invoke: createDispatcher(handlers, sessions, log),
    setScannerStatus: () => {},
    startScanner: () => {},
    setPush: () => {},
    close: async () => {
      access.flush();
      store.close();
    },
  };
}
