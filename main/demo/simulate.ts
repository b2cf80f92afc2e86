// Realistic activity on a venue's data, through the same services the app uses: receipt checks, handovers
// with ID checks, refusals, undos, returns of overdue cards, day closes (with the sync file, as the app's 日締め). Deterministic for a seed; for demos,
// end-to-end tests and benchmarks. Synthetic data like the demo's roster (and drawn from the same seeded
// randomness), so it lives in demo/: the venue's own services never run it.
import type { IdCheck } from '../../shared/counter/id-documents';
import type { Clock } from '../clock';
import { addDays, tokyoDate, tokyoInstant } from '../../shared/tokyo-date';
import { shipmentsNotYetReceived } from '../db/queries/events';
import { shipmentCardNos } from '../db/queries/ledger-cards';
import { venueCardKinds } from '../reconciliation/reconciliation';
import { recordHandover, recordRefusal, undoHandover, type CounterContext } from '../counter/counter-service';
import type { Staff } from '../auth/staff';
import type { VenueStore } from '../store/data-folder';
import { closeReceiptCheck, openReceiptCheck, receiptCheckView, scanForReceipt } from '../receipt/receipt-check';
import { overdueCards, recordReturnBatch } from '../returns/returns';
import { closeDayAndSend } from '../day-close/close-and-send';
import { mulberry32, pick as pickFrom, seedState } from './prng';

export interface SimulationSummary {
  days: number;
  receiptChecks: number;
  cardsReceived: number;
  handovers: number;
  refusals: number;
  undos: number;
  returned: number;
  daysClosed: number;
  /** Day closes whose sync file was written to the station's outbox (none where sync is not set up). */
  syncFiles: number;
}

const LEAD: Staff = { staffId: 'lead1', displayName: '会場　責任者', role: 'lead' };
const CLERKS: Staff[] = [
  { staffId: 'clerk1', displayName: '窓口　一郎', role: 'clerk' },
  { staffId: 'clerk2', displayName: '窓口　二葉', role: 'clerk' },
];
const ID_CHECKS: IdCheck[] = [
  { path: 'self', documents: ['drivers-license'], proxy: null, surrendered: ['notice-card'], pin: 'pins-set' },
  { path: 'self', documents: ['health-insurance', 'pension-book'], proxy: null, surrendered: [], pin: 'pins-set' },
  { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'face-auth' },
  {
    path: 'proxy',
    documents: ['health-insurance', 'bank-book'],
    proxy: { reason: 'care', letter: 'inquiry-form', documents: ['drivers-license'] },
    surrendered: ['notice-card'],
    pin: 'pins-set',
  },
];

/** A clock the simulation moves through each business day (09:00–17:30 Tokyo). */
function simClock(startIso: string): Clock & { set(ms: number): void; at(): number } {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), set: (ms) => void (t = ms), at: () => t };
}

export async function simulate(
  store: VenueStore,
  options: { days: number; stations: number; seed: number; startDate: string },
): Promise<SimulationSummary> {
  const rnd = mulberry32(seedState(options.seed, 7));
  const pick = <T>(xs: readonly T[]): T => pickFrom(rnd, xs);
  const at = (day: string, time: string) => Date.parse(tokyoInstant(day, time));
  const clock = simClock(tokyoInstant(options.startDate, '09:00'));
  const stations = Array.from({ length: options.stations }, (_, k) => (k === 0 ? store.stationId : `${store.stationId}-s${k + 1}`));
  const ctxAt = (stationId: string): CounterContext => ({ store: { ...store, stationId }, clock });
  const sum: SimulationSummary = {
    days: options.days,
    receiptChecks: 0,
    cardsReceived: 0,
    handovers: 0,
    refusals: 0,
    undos: 0,
    returned: 0,
    daysClosed: 0,
    syncFiles: 0,
  };

  for (let d = 0; d < options.days; d++) {
    const day = addDays(options.startDate, d);
    clock.set(at(day, '09:00'));
    const lead = ctxAt(stations[0]!);
    // Morning: unpack any shipment not yet received, scanning nearly every card.
    for (const shipmentId of shipmentsNotYetReceived(store.db)) {
      const opened = openReceiptCheck(lead, LEAD, shipmentId);
      if (!opened.ok) continue;
      for (const no of shipmentCardNos(store.db, shipmentId)) {
        if (rnd() < 0.99) {
          clock.set(clock.at() + 2_000);
          const r = scanForReceipt(lead, LEAD, opened.value.checkId, shipmentId, no);
          if (r.ok && r.value.kind === 'received') sum.cardsReceived++;
        }
      }
      const view = receiptCheckView(lead, opened.value.checkId, shipmentId);
      closeReceiptCheck(
        lead,
        LEAD,
        opened.value.checkId,
        shipmentId,
        view.missing.map((code) => ({ code, kind: 'missing' as const, reason: '未着' as const, memo: '' })),
      );
      sum.receiptChecks++;
    }
    // The day at the counters: residents come in at random, about 2–4% of what is waiting.
    const outstanding = venueCardKinds(store).flatMap((c) => (c.kind === 'outstanding' ? [c.reservationNo] : []));
    const visits = Math.min(outstanding.length, Math.round(outstanding.length * (0.02 + rnd() * 0.02)));
    const [firstVisit, closing] = [at(day, '09:30'), at(day, '17:30')];
    const step = Math.floor((closing - firstVisit) / Math.max(1, visits));
    for (let v = 0; v < visits; v++) {
      clock.set(firstVisit + v * step + Math.floor(rnd() * step));
      const i = Math.floor(rnd() * outstanding.length);
      const no = outstanding.splice(i, 1)[0]!;
      const ctx = ctxAt(pick(stations));
      const clerk = pick(CLERKS);
      if (rnd() < 0.05) {
        if (recordRefusal(ctx, clerk, no, '本人確認書類不足').ok) sum.refusals++;
        continue;
      }
      if (recordHandover(ctx, clerk, no, pick(ID_CHECKS)).ok) {
        sum.handovers++;
        if (rnd() < 0.01 && undoHandover(ctx, LEAD, no, '誤って別の方の交付を記録した').ok) sum.undos++;
      }
    }
    // Evening: send overdue cards back to HQ, then close the day.
    clock.set(closing);
    const overdue = overdueCards(lead);
    if (overdue.length > 0) {
      const r = recordReturnBatch(
        lead,
        LEAD,
        overdue.map((o) => o.reservationNo),
        '受取期限切れ',
      );
      if (r.ok) sum.returned += r.value.cards;
    }
    // 日締め as the lead does it in the app: siblings' files first, the close, then the day's sync file.
    const closed = await closeDayAndSend(lead, LEAD, tokyoDate(clock.now()));
    if (closed.ok) sum.daysClosed++;
    if ((closed.ok ? closed.value.syncFile : closed.error.syncFile) != null) sum.syncFiles++;
  }
  return sum;
}
