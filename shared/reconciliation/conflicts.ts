// A card handed over at two stations that could not see each other (offline, before their files crossed):
// both handovers stand until the lead undoes one. Never merged away: the venue lead and HQ see each such card.
import type { ReconEvent } from './reconcile';

export interface HandoverConflict {
  readonly reservationNo: string;
  /** The stations whose handovers of the card still stand. */
  readonly stations: readonly string[];
}

export function handoverConflicts(events: readonly Pick<ReconEvent, 'id' | 'kind' | 'stationId' | 'subject' | 'payload'>[]): HandoverConflict[] {
  const standing = new Map<string, Map<string, string>>(); // card → handover event id → station
  for (const e of events) {
    if (e.subject === null) continue;
    if (e.kind === 'handover.recorded') {
      const m = standing.get(e.subject) ?? new Map<string, string>();
      m.set(e.id, e.stationId);
      standing.set(e.subject, m);
    } else if (e.kind === 'handover.undone') {
      standing.get(e.subject)?.delete((e.payload as { handoverEventId: string }).handoverEventId);
    }
  }
  const out: HandoverConflict[] = [];
  for (const [reservationNo, m] of standing) {
    const stations = [...new Set(m.values())].sort();
    if (stations.length > 1) out.push({ reservationNo, stations });
  }
  return out.sort((a, b) => a.reservationNo.localeCompare(b.reservationNo));
}
