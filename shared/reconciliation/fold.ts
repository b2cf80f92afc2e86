// Reconciliation as a fold over the event log: created from the ledger's cards, fed events in order, read at
// any point. reconcile() is one fold over the whole log; main keeps a fold per open store and feeds it only the
// events appended since, so a screen refresh costs the new events, not the whole log. Still computed from the
// log alone: the fold is a cache of the log's replay, dropped and replayed whenever order or ledger demand it.
import type { Breaker, Counts, HandoverConflict, LedgerColumns, ReconCard, ReconEvent, Reconciliation } from './types';
import {
  applyCardEvent,
  cardKind,
  confirmedShipment,
  isCardEventKind,
  isOutstanding,
  isReturned,
  standingHandovers,
  CardTable,
  type CardKind,
  type HandoverKeeper,
} from './card-history';
import { HALF_HOURS_PER_DAY, tokyoSlotOf, type TokyoSlot } from '../tokyo-date';
import { compareEvents, countCards, indexCards, renumber, sortsAfter } from './fold-loops';

export { compareEvents };

interface Day {
  /** Its place in the fold's list of days. */
  readonly index: number;
  readonly date: string;
  readonly stationId: string;
  handedOver: number;
  refusals: number;
  readonly halfHours: number[];
}

// A standing handover as reconciliation notes it in the card table: where it was counted (day and half hour),
// so an undo takes it off that day and slot, not the undo's.
const noteOf = (day: Day, half: number): number => day.index * HALF_HOURS_PER_DAY + half;

export class ReconciliationFold implements HandoverKeeper<ReconEvent> {
  private readonly cardNos: readonly string[];
  private readonly indexOf = new Map<string, number>();
  /** Shipment ids, sorted; each card's shipment as an index into them. */
  private readonly shipmentIds: readonly string[];
  private readonly shipmentOf: Uint32Array;
  /** Each shipment's index (into shipmentIds) by id, and whether its box was confirmed received whole. */
  private readonly shipmentIndex = new Map<string, number>();
  private readonly confirmed: Uint8Array;
  /** The cards' histories, as card-history.ts folds them, card i at index i. */
  private readonly cards: CardTable;
  private readonly strangers = new Set<string>();
  private readonly days = new Map<string, Day>();
  private readonly dayList: Day[] = [];
  /** Tokyo date and first half hour of each UTC hour ("YYYY-MM-DDTHH") seen. */
  private readonly hours = new Map<string, TokyoSlot>();
  /** Per station, the UTC hour of its last event and that hour's day entry and first half hour. */
  private readonly recent = new Map<string, { hour: string; day: Day; half: number }>();
  private half = 0;
  /** The last event applied: a later batch must sort after it. */
  private lastEvent: ReconEvent | null = null;

  constructor(ledger: readonly ReconCard[] | LedgerColumns) {
    const { reservationNos, shipmentIds }: LedgerColumns = Array.isArray(ledger)
      ? { reservationNos: ledger.map((c) => c.reservationNo), shipmentIds: ledger.map((c) => c.shipmentId) }
      : (ledger as LedgerColumns);
    const n = reservationNos.length;
    this.cardNos = reservationNos;
    this.shipmentOf = new Uint32Array(n);
    this.cards = new CardTable(n);
    const firstSeen = indexCards(reservationNos, shipmentIds, this.indexOf, this.shipmentOf);
    // Numbered as sorted, as the result lists them.
    this.shipmentIds = [...firstSeen.keys()].sort();
    const sorted = new Uint32Array(firstSeen.size);
    this.shipmentIds.forEach((id, k) => {
      sorted[firstSeen.get(id)!] = k;
      this.shipmentIndex.set(id, k);
    });
    renumber(this.shipmentOf, sorted);
    this.confirmed = new Uint8Array(this.shipmentIds.length);
  }

  private boxConfirmed(i: number): boolean {
    return this.confirmed[this.shipmentOf[i]!] === 1;
  }

  /** The client time of the latest event applied, or null: what a day's-end cut-off is compared with. */
  get lastClientTime(): string | null {
    return this.lastEvent?.clientTime ?? null;
  }

  /**
   * Applies events given in order, all sorting after the last one applied. If they do not (an event merged
   * from another station with an older time, or a batch out of order), applies none and returns false, the
   * fold as it was: replay the log in order, into a new fold (or into this one if it has applied nothing yet).
   */
  apply(events: readonly ReconEvent[]): boolean {
    if (!sortsAfter(this.lastEvent, events)) return false;
    this.steps(events);
    if (events.length > 0) this.lastEvent = events[events.length - 1]!;
    return true;
  }

  // The hot loop alone in its method (see fold-loops.ts).
  private steps(events: readonly ReconEvent[]): void {
    for (let k = 0; k < events.length; k++) this.step(events[k]!);
  }

  private dayOf(date: string, stationId: string): Day {
    const key = `${date}|${stationId}`;
    let d = this.days.get(key);
    if (!d) {
      d = {
        index: this.dayList.length,
        date,
        stationId,
        handedOver: 0,
        refusals: 0,
        halfHours: new Array<number>(HALF_HOURS_PER_DAY).fill(0),
      };
      this.days.set(key, d);
      this.dayList.push(d);
    }
    return d;
  }

  /** The Tokyo day and station entry an event counts in; its half hour is left in `this.half`. */
  private day(e: ReconEvent): Day {
    const iso = e.clientTime;
    // A UTC timestamp ("…THH:MM…Z", as toISOString writes them): Tokyo is a whole 9 hours ahead, so the UTC
    // hour decides the date and which hour, and the minutes' tens digit which half of it. Each UTC hour is
    // converted once; a station's next event is mostly in the same hour as its last, found without a lookup.
    if (iso.endsWith('Z') && iso.charCodeAt(13) === 58 /* : */) {
      this.half = iso.charCodeAt(14) >= 51 /* '3' */ ? 1 : 0;
      const r = this.recent.get(e.stationId);
      if (r !== undefined && iso.startsWith(r.hour)) {
        this.half += r.half;
        return r.day;
      }
      const hour = iso.slice(0, 13);
      let h = this.hours.get(hour);
      if (h === undefined) this.hours.set(hour, (h = tokyoSlotOf(`${hour}:00:00Z`)));
      const day = this.dayOf(h.date, e.stationId);
      this.recent.set(e.stationId, { hour, day, half: h.half });
      this.half += h.half;
      return day;
    }
    const { date, half } = tokyoSlotOf(iso);
    this.half = half;
    return this.dayOf(date, e.stationId);
  }

  // What reconciliation counts beside each card's history (HandoverKeeper): a handover on its day, station and
  // half hour; an undo off the handover's (not the undo's); a refusal on its day.
  recorded(e: ReconEvent): number {
    const day = this.day(e);
    const half = this.half;
    day.handedOver++;
    day.halfHours[half]!++;
    return noteOf(day, half);
  }

  undone(note: number): void {
    const day = this.dayList[Math.floor(note / HALF_HOURS_PER_DAY)]!;
    day.handedOver--;
    day.halfHours[note % HALF_HOURS_PER_DAY]!--;
  }

  refused(e: ReconEvent): void {
    this.day(e).refusals++;
  }

  private step(e: ReconEvent): void {
    const shipment = confirmedShipment(e);
    if (shipment !== null) {
      const s = this.shipmentIndex.get(shipment);
      if (s !== undefined) this.confirmed[s] = 1;
      return;
    }
    if (e.subject === null) return;
    const i = this.indexOf.get(e.subject);
    if (i === undefined) {
      if (isCardEventKind(e.kind)) this.strangers.add(e.subject);
      return;
    }
    applyCardEvent(this.cards, i, e, this);
  }

  /** Cards received and still on the shelf: not handed over (net of undos), not returned. */
  outstandingCards(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.cardNos.length; i++) if (isOutstanding(this.cards, i, this.boxConfirmed(i))) out.push(this.cardNos[i]!);
    return out;
  }

  /** Every card's kind, as the counter would tell it (card-history.ts's one rule), in ledger order. */
  cardKinds(): { reservationNo: string; kind: CardKind }[] {
    return this.cardNos.map((reservationNo, i) => ({ reservationNo, kind: cardKind(this.cards, i, this.boxConfirmed(i)) }));
  }

  /** Cards sent back to HQ (返戻). */
  returnedCards(): string[] {
    return this.cardNos.filter((_, i) => isReturned(this.cards, i));
  }

  /** Cards whose standing handovers come from more than one station. */
  private conflicts(): HandoverConflict[] {
    const out: HandoverConflict[] = [];
    // Only a card with more than one standing handover can have them from two stations.
    for (const i of this.cards.more.keys()) {
      const standing = standingHandovers(this.cards, i);
      const stations = [...new Set(standing.map((h) => this.dayList[Math.floor(h.note / HALF_HOURS_PER_DAY)]!.stationId))].sort();
      if (stations.length > 1) out.push({ reservationNo: this.cardNos[i]!, stations });
    }
    return out.sort((a, b) => a.reservationNo.localeCompare(b.reservationNo));
  }

  /** The reconciliation of every event applied so far; fresh objects, safe to hand out. */
  result(): Reconciliation {
    const per: Counts[] = this.shipmentIds.map(() => ({
      shipped: 0,
      received: 0,
      notReceived: 0,
      handedOver: 0,
      outstanding: 0,
      returned: 0,
      refusals: 0,
      damaged: 0,
    }));
    const breakers: Breaker[] = [...this.strangers].sort().map((reservationNo) => ({ reservationNo, reason: 'not-in-ledger' as const }));
    countCards(this.cards, this.shipmentOf, this.confirmed, this.cardNos, per, breakers);
    const holds = (c: Counts) => c.shipped === c.received + c.notReceived && c.received === c.handedOver + c.outstanding + c.returned;
    const total: Counts = { shipped: 0, received: 0, notReceived: 0, handedOver: 0, outstanding: 0, returned: 0, refusals: 0, damaged: 0 };
    for (const c of per) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
    return {
      total: { ...total, holds: holds(total) && breakers.length === 0 },
      shipments: per.map((c, s) => ({ shipmentId: this.shipmentIds[s]!, ...c, holds: holds(c) })),
      breakers,
      conflicts: this.conflicts(),
      byDayAndStation: [...this.days.values()]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.stationId < b.stationId ? -1 : 1))
        .map((d) => ({
          date: d.date,
          stationId: d.stationId,
          handedOver: d.handedOver,
          refusals: d.refusals,
          halfHours: [...d.halfHours],
        })),
    };
  }
}
