// Reconciliation (別紙⑥ 2(1)②③: counts must match at every hand-off), computed from the event log every
// time, never from stored counters: per shipment and in total, shipped = received + not received and
// received = handed over + outstanding + returned, shown as holding or with exactly the cards that break it.
// Pure: the caller loads the ledger's cards and the events.
import { tokyoDateOf } from '../tokyo-date';

export interface ReconCard {
  readonly reservationNo: string;
  readonly shipmentId: string;
}

/** The slice of an event reconciliation reads. */
export interface ReconEvent {
  readonly id: string;
  readonly kind: string;
  readonly stationId: string;
  /** The station's own sequence: within a station it, not the clock, orders events. */
  readonly seq: number;
  readonly clientTime: string;
  readonly subject: string | null;
  readonly payload: unknown;
}

export interface Counts {
  shipped: number;
  received: number;
  notReceived: number;
  handedOver: number;
  outstanding: number;
  returned: number;
  refusals: number;
  damaged: number;
}

export type BreakReason = 'handed-over-not-received' | 'returned-not-received' | 'handed-over-and-returned' | 'not-in-ledger';
export interface Breaker {
  readonly reservationNo: string;
  readonly reason: BreakReason;
}

export interface Reconciliation {
  readonly total: Counts & { readonly holds: boolean };
  readonly shipments: readonly (Counts & { readonly shipmentId: string; readonly holds: boolean })[];
  /** Cards that break an invariant, each with why; empty when everything adds up. */
  readonly breakers: readonly Breaker[];
  /** Net handovers per day and station (Tokyo days). */
  readonly byDayAndStation: readonly { readonly date: string; readonly stationId: string; readonly handedOver: number; readonly refusals: number }[];
}

interface CardState {
  received: boolean;
  handover: string | null;
  returned: boolean;
  damaged: boolean;
  refusals: number;
}


function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
}

const before = (a: ReconEvent, b: ReconEvent) =>
  a.clientTime < b.clientTime ? -1 : a.clientTime > b.clientTime ? 1 : a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : a.seq - b.seq;

/** Events in the order that decides state: client time, then station and its sequence to break ties. */
export function orderEvents<E extends ReconEvent>(events: readonly E[]): readonly E[] {
  // The store reads them in this order already; sort only what arrives unsorted (merged files, tests).
  for (let i = 1; i < events.length; i++) if (before(events[i - 1]!, events[i]!) > 0) return [...events].sort(before);
  return events;
}

export function reconcile(cards: readonly ReconCard[], events: readonly ReconEvent[]): Reconciliation {
  const state = new Map<string, CardState>();
  const byShipment = new Map<string, string[]>();
  for (const c of cards) {
    state.set(c.reservationNo, { received: false, handover: null, returned: false, damaged: false, refusals: 0 });
    const list = byShipment.get(c.shipmentId) ?? [];
    list.push(c.reservationNo);
    byShipment.set(c.shipmentId, list);
  }
  const strangers = new Set<string>();
  const handoverDay = new Map<string, { date: string; stationId: string }>();
  const days = new Map<string, { date: string; stationId: string; handedOver: number; refusals: number }>();
  const day = (e: ReconEvent) => {
    const key = `${tokyoDateOf(e.clientTime)}|${e.stationId}`;
    let d = days.get(key);
    if (!d) days.set(key, (d = { date: tokyoDateOf(e.clientTime), stationId: e.stationId, handedOver: 0, refusals: 0 }));
    return d;
  };

  for (const e of orderEvents(events)) {
    if (e.kind === 'receipt.confirmed') {
      for (const no of byShipment.get(String(field(e.payload, 'shipmentId'))) ?? []) state.get(no)!.received = true;
      continue;
    }
    if (e.subject === null) continue;
    const s = state.get(e.subject);
    if (!s) {
      if (e.kind.startsWith('handover.') || e.kind.startsWith('card.') || e.kind.startsWith('receipt.')) strangers.add(e.subject);
      continue;
    }
    switch (e.kind) {
      case 'receipt.card-received':
        s.received = true;
        break;
      case 'receipt.corrected':
        s.received = field(e.payload, 'received') === true;
        break;
      case 'handover.recorded':
        s.handover = e.id;
        handoverDay.set(e.id, { date: tokyoDateOf(e.clientTime), stationId: e.stationId });
        day(e).handedOver++;
        break;
      case 'handover.undone':
        if (s.handover !== null && field(e.payload, 'handoverEventId') === s.handover) {
          const at = handoverDay.get(s.handover)!;
          days.get(`${at.date}|${at.stationId}`)!.handedOver--;
          s.handover = null;
        }
        break;
      case 'handover.refused':
        s.refusals++;
        day(e).refusals++;
        break;
      case 'card.damaged':
        s.damaged = true;
        break;
      case 'card.returned':
        s.returned = true;
        break;
    }
  }

  const breakers: Breaker[] = [...strangers].sort().map((reservationNo) => ({ reservationNo, reason: 'not-in-ledger' as const }));
  const countOf = (nos: readonly string[]): Counts & { holds: boolean } => {
    const c: Counts = { shipped: nos.length, received: 0, notReceived: 0, handedOver: 0, outstanding: 0, returned: 0, refusals: 0, damaged: 0 };
    for (const no of nos) {
      const s = state.get(no)!;
      const handed = s.handover !== null;
      if (s.received) c.received++;
      else c.notReceived++;
      if (handed) c.handedOver++;
      if (s.returned) c.returned++;
      if (s.received && !handed && !s.returned) c.outstanding++;
      if (s.damaged) c.damaged++;
      c.refusals += s.refusals;
    }
    return { ...c, holds: c.shipped === c.received + c.notReceived && c.received === c.handedOver + c.outstanding + c.returned };
  };
  for (const c of cards) {
    const s = state.get(c.reservationNo)!;
    const handed = s.handover !== null;
    if (handed && !s.received) breakers.push({ reservationNo: c.reservationNo, reason: 'handed-over-not-received' });
    if (s.returned && !s.received) breakers.push({ reservationNo: c.reservationNo, reason: 'returned-not-received' });
    if (handed && s.returned) breakers.push({ reservationNo: c.reservationNo, reason: 'handed-over-and-returned' });
  }
  const total = countOf(cards.map((c) => c.reservationNo));
  return {
    total: { ...total, holds: total.holds && breakers.length === 0 },
    shipments: [...byShipment.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([shipmentId, nos]) => ({ shipmentId, ...countOf(nos) })),
    breakers,
    byDayAndStation: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.stationId < b.stationId ? -1 : 1)),
  };
}
