// Reconciliation as a fold over the event log: created from the ledger's cards, fed events in order, read at
// any point. reconcile() is one fold over the whole log; main keeps a fold per open store and feeds it only the
// events appended since, so a screen refresh costs the new events, not the whole log. Still computed from the
// log alone: the fold is a cache of the log's replay, dropped and replayed whenever order or ledger demand it.
import type { Breaker, Counts, HandoverConflict, ReconCard, ReconEvent, Reconciliation } from './types';
import { applyCardEvent, isCardReceived, DAMAGED, RETURNED } from './card-flags';

/** Client time, then station and its sequence to break ties: the order that decides state. */
export function compareEvents(a: ReconEvent, b: ReconEvent): number {
  // Equality first: most neighbours share a time reading and a station, and === is the cheaper comparison.
  if (a.clientTime !== b.clientTime) return a.clientTime < b.clientTime ? -1 : 1;
  if (a.stationId !== b.stationId) return a.stationId < b.stationId ? -1 : 1;
  return a.seq - b.seq;
}

const HALF_HOURS = 48;

interface Day {
  readonly date: string;
  readonly stationId: string;
  handedOver: number;
  refusals: number;
  readonly halfHours: number[];
}

interface Slot {
  readonly date: string;
  readonly half: number;
}

/** Tokyo date and half-hour of day (0–47) of an ISO timestamp: UTC+9, no daylight saving. */
function slotOf(iso: string): Slot {
  const t = new Date(Date.parse(iso) + 9 * 3600_000);
  return { date: t.toISOString().slice(0, 10), half: t.getUTCHours() * 2 + (t.getUTCMinutes() >= 30 ? 1 : 0) };
}

function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
}

export class ReconciliationFold {
  private readonly cardNos: readonly string[];
  private readonly indexOf = new Map<string, number>();
  /** Shipment ids, sorted; each card's shipment as an index into them, and each shipment's cards. */
  private readonly shipmentIds: readonly string[];
  private readonly shipmentOf: Uint32Array;
  /** Each card's index, or its first listing's if its number is listed twice. */
  private readonly canonical: Uint32Array;
  /** Each shipment's index (into shipmentIds) by id, and whether its box was confirmed received whole. */
  private readonly shipmentIndex = new Map<string, number>();
  private readonly confirmed: Uint8Array;
  // Per card, in arrays rather than an object per card: a 40,000-card ledger is one allocation each.
  /** Receipt, damage and return, as card-flags.ts interprets the card's events. */
  private readonly flags: Uint8Array;
  private readonly refusals: Uint32Array;
  private readonly handover: (string | null)[];
  /** Where the card's standing handover was counted, so an undo takes it off that day, station and slot. */
  private readonly handoverDay: (Day | null)[];
  private readonly handoverHalf: Uint8Array;
  /**
   * Further standing handovers of a card (two stations that could not see each other both handed it over):
   * rare, so kept aside; an undo cancels only the handover it names, and the card stays handed over while any stands.
   */
  private readonly moreHandovers = new Map<number, { id: string; day: Day; half: number }[]>();
  private readonly strangers = new Set<string>();
  private readonly days = new Map<string, Day>();
  /** Tokyo date and first half hour of each UTC hour ("YYYY-MM-DDTHH") seen. */
  private readonly hours = new Map<string, Slot>();
  /** Per station, the UTC hour of its last event and that hour's day entry and first half hour. */
  private readonly recent = new Map<string, { hour: string; day: Day; half: number }>();
  private half = 0;
  /** The last event applied: a later batch must sort after it. */
  private lastEvent: ReconEvent | null = null;

  constructor(cards: readonly ReconCard[]) {
    const n = cards.length;
    this.cardNos = cards.map((c) => c.reservationNo);
    this.shipmentOf = new Uint32Array(n);
    this.flags = new Uint8Array(n);
    this.refusals = new Uint32Array(n);
    this.handover = new Array<string | null>(n).fill(null);
    this.handoverDay = new Array<Day | null>(n).fill(null);
    this.handoverHalf = new Uint8Array(n);
    this.canonical = new Uint32Array(n);
    const firstSeen = new Map<string, number>(); // shipment id → index in order of first appearance
    for (let i = 0; i < n; i++) {
      const c = cards[i]!;
      // A reservation number listed twice shares the first one's state, as it did when state was keyed by number.
      let k = this.indexOf.get(c.reservationNo);
      if (k === undefined) this.indexOf.set(c.reservationNo, (k = i));
      this.canonical[i] = k;
      let s = firstSeen.get(c.shipmentId);
      if (s === undefined) firstSeen.set(c.shipmentId, (s = firstSeen.size));
      this.shipmentOf[i] = s;
    }
    // Numbered as sorted, as the result lists them.
    this.shipmentIds = [...firstSeen.keys()].sort();
    const sorted = new Uint32Array(firstSeen.size);
    this.shipmentIds.forEach((id, s) => {
      sorted[firstSeen.get(id)!] = s;
      this.shipmentIndex.set(id, s);
    });
    for (let i = 0; i < n; i++) this.shipmentOf[i] = sorted[this.shipmentOf[i]!]!;
    this.confirmed = new Uint8Array(this.shipmentIds.length);
  }

  /** Whether card i (a canonical index) is at the venue: card-flags.ts decides, from its flags and its box. */
  private received(i: number): boolean {
    return isCardReceived(this.flags[i]!, this.confirmed[this.shipmentOf[i]!] === 1);
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
    let prev = this.lastEvent;
    for (const e of events) {
      if (prev !== null && compareEvents(prev, e) > 0) return false;
      prev = e;
    }
    for (const e of events) this.step(e);
    this.lastEvent = prev;
    return true;
  }

  private dayOf(date: string, stationId: string): Day {
    const key = `${date}|${stationId}`;
    let d = this.days.get(key);
    if (!d) this.days.set(key, (d = { date, stationId, handedOver: 0, refusals: 0, halfHours: new Array<number>(HALF_HOURS).fill(0) }));
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
      if (h === undefined) this.hours.set(hour, (h = slotOf(`${hour}:00:00Z`)));
      const day = this.dayOf(h.date, e.stationId);
      this.recent.set(e.stationId, { hour, day, half: h.half });
      this.half += h.half;
      return day;
    }
    const { date, half } = slotOf(iso);
    this.half = half;
    return this.dayOf(date, e.stationId);
  }

  private step(e: ReconEvent): void {
    if (e.kind === 'receipt.confirmed') {
      const s = this.shipmentIndex.get(String(field(e.payload, 'shipmentId')));
      if (s !== undefined) this.confirmed[s] = 1;
      return;
    }
    if (e.subject === null) return;
    const i = this.indexOf.get(e.subject);
    if (i === undefined) {
      if (e.kind.startsWith('handover.') || e.kind.startsWith('card.') || e.kind.startsWith('receipt.')) this.strangers.add(e.subject);
      return;
    }
    this.flags[i] = applyCardEvent(this.flags[i]!, e.kind, e.payload);
    switch (e.kind) {
      case 'handover.recorded': {
        const day = this.day(e);
        const half = this.half;
        day.handedOver++;
        day.halfHours[half]!++;
        if (this.handover[i] !== null) {
          const more = this.moreHandovers.get(i) ?? [];
          more.push({ id: e.id, day, half });
          this.moreHandovers.set(i, more);
          break;
        }
        this.handover[i] = e.id;
        this.handoverDay[i] = day;
        this.handoverHalf[i] = half;
        break;
      }
      case 'handover.undone': {
        const cancels = field(e.payload, 'handoverEventId');
        const day = this.handoverDay[i];
        const more = this.moreHandovers.get(i);
        if (this.handover[i] !== null && day && cancels === this.handover[i]) {
          // Off the day, station and half hour of the handover it cancels, not of the undo.
          day.handedOver--;
          day.halfHours[this.handoverHalf[i]!]!--;
          const next = more?.shift();
          if (more && more.length === 0) this.moreHandovers.delete(i);
          this.handover[i] = next?.id ?? null;
          this.handoverDay[i] = next?.day ?? null;
          if (next) this.handoverHalf[i] = next.half;
        } else if (more) {
          const k = more.findIndex((h) => h.id === cancels);
          if (k >= 0) {
            const [h] = more.splice(k, 1);
            h!.day.handedOver--;
            h!.day.halfHours[h!.half]!--;
            if (more.length === 0) this.moreHandovers.delete(i);
          }
        }
        break;
      }
      case 'handover.refused':
        this.refusals[i]!++;
        this.day(e).refusals++;
        break;
    }
  }

  /** Cards received and still on the shelf: not handed over (net of undos), not returned. */
  outstandingCards(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.cardNos.length; i++) {
      const k = this.canonical[i]!;
      if (this.received(k) && (this.flags[k]! & RETURNED) === 0 && this.handover[k] === null) out.push(this.cardNos[i]!);
    }
    return out;
  }

  /** Cards sent back to HQ (返戻). */
  returnedCards(): string[] {
    return this.cardNos.filter((_, i) => (this.flags[this.canonical[i]!]! & RETURNED) !== 0);
  }

  /** Cards whose standing handovers come from more than one station (the rare cards kept aside). */
  private conflicts(): HandoverConflict[] {
    const out: HandoverConflict[] = [];
    for (const [k, more] of this.moreHandovers) {
      const stations = [...new Set([this.handoverDay[k]!.stationId, ...more.map((h) => h.day.stationId)])].sort();
      if (stations.length > 1) out.push({ reservationNo: this.cardNos[k]!, stations });
    }
    return out.sort((a, b) => a.reservationNo.localeCompare(b.reservationNo));
  }

  /** The reconciliation of every event applied so far; fresh objects, safe to hand out. */
  result(): Reconciliation {
    const per: Counts[] = this.shipmentIds.map(() => ({ shipped: 0, received: 0, notReceived: 0, handedOver: 0, outstanding: 0, returned: 0, refusals: 0, damaged: 0 }));
    const breakers: Breaker[] = [...this.strangers].sort().map((reservationNo) => ({ reservationNo, reason: 'not-in-ledger' as const }));
    const { flags, handover, refusals, shipmentOf, cardNos } = this;
    for (let i = 0; i < cardNos.length; i++) {
      const k = this.canonical[i]!;
      const c = per[shipmentOf[i]!]!;
      const f = flags[k]!;
      const received = this.received(k);
      const returned = (f & RETURNED) !== 0;
      const handed = handover[k] !== null;
      c.shipped++;
      if (received) c.received++;
      else c.notReceived++;
      if (handed) c.handedOver++;
      if (returned) c.returned++;
      if (received && !handed && !returned) c.outstanding++;
      if (f & DAMAGED) c.damaged++;
      c.refusals += refusals[k]!;
      if (handed && !received) breakers.push({ reservationNo: cardNos[i]!, reason: 'handed-over-not-received' });
      if (returned && !received) breakers.push({ reservationNo: cardNos[i]!, reason: 'returned-not-received' });
      if (handed && returned) breakers.push({ reservationNo: cardNos[i]!, reason: 'handed-over-and-returned' });
    }
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
        .map((d) => ({ date: d.date, stationId: d.stationId, handedOver: d.handedOver, refusals: d.refusals, halfHours: [...d.halfHours] })),
    };
  }
}
