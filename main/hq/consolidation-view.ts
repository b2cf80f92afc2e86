// What HQ's consolidation gives (consolidation.ts computes it): the ward's figures per venue and shipment, each
// station's claim and files, and every mismatch in words, as `hq report`, HQ's screen and the tests read them.
import type { Breaker, HandoverConflict } from '../../shared/reconciliation/reconcile';
import type { VenueId } from '../../shared/venues/venues';
import { dayText } from '../../shared/tokyo-date';
import { count, num } from '../../shared/numbers';
import { breakReasonLabel, figureLabel, INVARIANTS, invariantText } from '../../shared/glossary';
import { ALERT_WORDS, type AlertKind } from '../sync/ingest';

export const FIGURES = ['shipped', 'received', 'handedOver', 'outstanding', 'returned', 'refusals', 'damaged'] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number> & { readonly notReceived: number };

export interface ClaimCheck {
  readonly stationId: string;
  readonly seq: number;
  readonly businessDate: string;
  readonly claimed: Record<Figure, number>;
  readonly recomputed: Record<Figure, number>;
  readonly differences: readonly { figure: Figure; claimed: number; recomputed: number }[];
}

export interface StationSync {
  readonly stationId: string;
  readonly venue: VenueId;
  readonly files: number;
  readonly lastSeq: number | null;
  readonly lastBusinessDate: string | null;
  readonly lastReceivedAt: string | null;
  /** File numbers missing below the highest held. */
  readonly gaps: readonly number[];
  /** No file for a business day within the last `staleDays` days (never said of a revoked station). */
  readonly stale: boolean;
  /** Revoked (its keys lost): its files since are refused; missing numbers and silence are expected of it. */
  readonly revoked: { readonly at: string; readonly reason: string; readonly keptThroughSeq: number } | null;
}

type Conflict = HandoverConflict;

export interface VenueConsolidation {
  readonly venue: VenueId;
  readonly name: string;
  readonly figures: Figures;
  readonly holds: boolean;
  readonly breakers: readonly Breaker[];
  readonly claims: readonly ClaimCheck[];
  readonly conflicts: readonly Conflict[];
  readonly stations: readonly StationSync[];
  /**
   * Ledgers a station imported that are not the ones HQ built for this venue (another file, or a shipment HQ
   * has no record of): every card of such a shipment is in question, and its counts cannot agree with HQ's.
   */
  readonly foreignLedgers: readonly { stationId: string; shipmentId: string; rowCount: number; builtRowCount: number | null }[];
}

export interface ShipmentCheck {
  readonly shipmentId: string;
  readonly shippedToVenues: Record<VenueId, number>;
  readonly shipped: number;
  /** HQ's count of the cards J-LIS delivered, once recorded. */
  readonly jlisCards: number | null;
  readonly matches: boolean | null;
}

interface Alert {
  readonly at: string;
  readonly stationId: string;
  readonly seq: number | null;
  readonly kind: string;
}

export interface WardConsolidation {
  readonly asOf: string;
  readonly total: Figures;
  readonly holds: boolean;
  readonly venues: readonly VenueConsolidation[];
  readonly shipments: readonly ShipmentCheck[];
  readonly alerts: readonly Alert[];
  /** Every reason the ward's figures do not add up, in words; empty when all is well. */
  readonly mismatches: readonly string[];
}

export function describeMismatches(
  venues: readonly VenueConsolidation[],
  shipments: readonly ShipmentCheck[],
  alerts: readonly Alert[],
  /** A station in words, with the label its files gave (本庁舎 窓口1); an unregistered one by its id. */
  stationWords: (stationId: string) => string,
  /** `counted`: for a reader who is not named (a command without --staff), cards as counts, no reservation numbers. */
  cards: 'named' | 'counted' = 'named',
): string[] {
  const out: string[] = [];
  for (const s of shipments)
    if (s.matches === false)
      out.push(`出荷 ${s.shipmentId}: J-LIS からの受領 ${count(s.jlisCards ?? 0)} ≠ 各会場への送付の合計 ${count(s.shipped)}`);
  for (const v of venues) {
    if (!v.holds)
      out.push(
        `${v.name}: 件数が合いません（${
          (cards === 'counted' && v.breakers.length > 0
            ? `成り立たないカード ${count(v.breakers.length)}`
            : v.breakers
                .map((b) => `${b.reservationNo} ${breakReasonLabel(b.reason)}`)
                .slice(0, 20)
                .join('、')) || `${INVARIANTS.map((inv) => invariantText(inv)).join('、')} が不成立`
        }）`,
      );
    for (const f of v.foreignLedgers) {
      out.push(
        `${stationWords(f.stationId)}: 出荷 ${f.shipmentId} の台帳（${count(f.rowCount)}）は事務センターが作成した${f.builtRowCount === null ? '記録にありません' : `もの（${count(f.builtRowCount)}）と異なります`}`,
      );
    }
    for (const c of v.claims)
      for (const d of c.differences)
        out.push(`${stationWords(c.stationId)} #${c.seq}: ${figureLabel(d.figure)} 申告 ${num(d.claimed)} ≠ 再計算 ${num(d.recomputed)}`);
    if (cards === 'counted' && v.conflicts.length > 0) out.push(`${v.name}: 複数の端末で交付されたカード ${count(v.conflicts.length)}`);
    else
      for (const c of v.conflicts)
        out.push(`${v.name}: ${c.reservationNo} が複数の端末で交付されています（${c.stations.map((id) => stationWords(id)).join('、')}）`);
    for (const s of v.stations) {
      if (s.gaps.length > 0 && !s.revoked) out.push(`${stationWords(s.stationId)}: 同期ファイルの欠番 ${s.gaps.join(', ')}`);
      if (s.stale)
        out.push(
          `${stationWords(s.stationId)}: ${s.lastBusinessDate ? `${dayText(s.lastBusinessDate)} 以降` : 'まだ一度も'}同期ファイルが届いていません`,
        );
    }
  }
  for (const a of alerts) {
    out.push(`${stationWords(a.stationId)}${a.seq !== null ? ` #${a.seq}` : ''}: ${ALERT_WORDS[a.kind as AlertKind] ?? a.kind}`);
  }
  return out;
}
