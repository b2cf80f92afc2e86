// Headquarters' own channels: the ledgers it built, pulling the stations' files, the ward's consolidation.
import { stationName } from '../counter/names';
import type { hqContract } from '../../shared/ipc/contract/hq';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import { actorOf } from '../auth/staff';
import { recordAccess } from '../access/access-record';
import type { Clock } from '../clock';
import type { HqStore } from '../store/data-folder';
import { inboxKey } from '../sync/sync-keys';
import { pullAndIngest, pullSources, summarizePull } from '../sync/pull';
import { hqLedgers } from './hq-ledgers';
import { cardsNamed, consolidate } from './consolidation';

/** A venue's actor (lead:lead1) as HQ can name it: HQ does not hold the venues' staff names. */
const staffIdOf = (actor: string) => actor.slice(actor.indexOf(':') + 1);

export function hqHandlers(store: HqStore, clock: Clock): HandlerSlice<keyof typeof hqContract> {
  return {
    'hq:ledgers': () =>
      hqLedgers(store.db).map(({ fileSha256: _, receipt, ...l }) => ({
        ...l,
        receipt: receipt && { station: stationName(store, receipt.stationId), by: staffIdOf(receipt.by), at: receipt.at },
      })),
    'hq:pull': async () => {
      const recipient = inboxKey(store.db);
      if (!recipient)
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: '事務センターの同期鍵がありません（madoguchi sync identity --hq-key hq.key で作成してください）',
          },
        };
      return summarizePull(await pullAndIngest({ db: store.db, clock, recipient }, pullSources(store.db, [])));
    },
    'hq:report': ({ date }, call) => {
      // The chosen day's figures at its end, as `hq report --date` gives them.
      const r = consolidate(store.db, { asOf: date, through: date });
      // Mismatches name residents' cards (by reservation number): a look at their records, noted with whose.
      const subjects = cardsNamed(r);
      if (subjects.length > 0)
        recordAccess(store.db, clock, {
          stationId: store.stationId,
          actor: actorOf(staffOf(call)),
          action: 'record-view',
          subject: date,
          detail: { document: 'ward-report', subjects },
        });
      return {
        asOf: r.asOf,
        total: r.total,
        holds: r.holds,
        mismatches: [...r.mismatches],
        venues: r.venues.map((v) => ({
          venue: v.venue,
          name: v.name,
          figures: v.figures,
          holds: v.holds,
          stations: v.stations.map(({ stationId, files, lastSeq, lastBusinessDate, gaps, stale, revoked }) => ({
            stationId,
            // A revoked station says so where HQ's staff look for it (its alerts are among the mismatches).
            name: `${stationName(store, stationId)}${revoked ? '（取消済み）' : ''}`,
            files,
            lastSeq,
            lastBusinessDate,
            gaps: [...gaps],
            stale,
          })),
        })),
        shipments: r.shipments.map(({ shipmentId, shipped, jlisCards, matches }) => ({ shipmentId, shipped, jlisCards, matches })),
      };
    },
  };
}
