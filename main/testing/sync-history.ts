// Random station histories for the sync property tests: three stations at two venues (two sharing one venue,
// so HQ merges offline records of the same cards), each with its own clock, counter and lead operations on
// their cards, exports in between. Played against the real services; every file's bytes and every station's own
// log are kept, with what each station did worked out independently of the reconciliation code. The histories'
// shape and their fast-check arbitraries are in sync-history-arb.ts.
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IdCheck } from '../../shared/counter/id-documents';
import type { StoredEvent } from '../../shared/events/event';
import type { LedgerCard } from '../../shared/ledger/ledger-format';
import type { VenueId } from '../../shared/venues/venues';
import { recordHandover, recordRefusal, undoHandover } from '../counter/counter-service';
import { correctReceipt, markDamaged } from '../corrections/corrections';
import { recordReturnBatch } from '../returns/returns';
import { forgetReconciliation } from '../reconciliation/reconciliation';
import { exportSyncFile } from '../sync/export';
import { openSyncFile } from '../sync/sync-file';
import { signingKey } from '../sync/sync-keys';
import { readEvents } from '../db/event-log';
import type { Staff } from '../auth/staff';
import type { Figure } from '../hq/consolidation';
import type { Clock } from '../clock';
import { cards } from './fixtures';
import { manualClock } from './app-fixture';
import { syncWorld, type SyncWorld } from './sync-fixtures';
import { MAX_CLOCK_OFFSET_MS, STATIONS, type History } from './sync-history-arb';

export const SHIPMENT = 'S1';
export const LEDGER: Partial<Record<VenueId, readonly LedgerCard[]>> = { toyosu: cards(1, 8), sogo: cards(101, 8) };
const START = '2026-11-25T00:00:00Z';
const AFTER_PROVISIONING = new Date(Date.parse(START) + MAX_CLOCK_OFFSET_MS + 3600_000).toISOString();

const clerk: Staff = { staffId: 'clerk1', displayName: 'x', role: 'clerk' };
const lead: Staff = { staffId: 'lead1', displayName: 'x', role: 'lead' };
const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };

export interface PlayedFile {
  readonly stationId: string;
  readonly venue: VenueId;
  readonly seq: number;
  readonly bytes: Buffer;
  /** How many events the station says the file carries. */
  readonly events: number;
}

/** What a station did, tracked from the services' answers, not from a fold. */
interface StationDid {
  /** Cards with a handover recorded here and not undone here. */
  readonly handed: ReadonlySet<string>;
  readonly returned: ReadonlySet<string>;
  readonly damaged: ReadonlySet<string>;
  /** Cards this station's lead corrected to not received (and not back). */
  readonly notReceived: ReadonlySet<string>;
  readonly refusals: number;
  /** The counts its own reconciliation must show, hence claim. */
  readonly claim: Record<Figure, number>;
}

export interface Played {
  readonly files: readonly PlayedFile[];
  /** Each station's own log after the history, unredacted: the truth HQ's copy is compared with. */
  readonly events: Readonly<Record<string, readonly StoredEvent[]>>;
  readonly did: Readonly<Record<string, StationDid>>;
  /** The reference clock, after the last step. */
  readonly now: Date;
}

class StationModel {
  readonly handed = new Set<string>();
  readonly returned = new Set<string>();
  readonly damaged = new Set<string>();
  readonly notReceived = new Set<string>();
  refusals = 0;
  constructor(readonly cards: readonly string[]) {}

  outstanding(): string[] {
    return this.cards.filter((c) => !this.notReceived.has(c) && !this.handed.has(c) && !this.returned.has(c));
  }

  /** Outstanding cards the counter serves: a damaged one is refused (it can only go back to HQ). */
  servable(): string[] {
    return this.outstanding().filter((c) => !this.damaged.has(c));
  }

  did(): StationDid {
    const received = this.cards.length - this.notReceived.size;
    const claim = {
      shipped: this.cards.length,
      received,
      handedOver: this.handed.size,
      outstanding: this.outstanding().length,
      returned: this.returned.size,
      refusals: this.refusals,
      damaged: this.damaged.size,
    };
    return {
      handed: this.handed,
      returned: this.returned,
      damaged: this.damaged,
      notReceived: this.notReceived,
      refusals: this.refusals,
      claim,
    };
  }
}

export interface HistoryWorld extends SyncWorld {
  /** Where the stations' outboxes are. */
  readonly outboxes: string;
  /** Each station's public signing key, to read its files back. */
  readonly signers: Readonly<Record<string, KeyObject>>;
}

/**
 * Plays the history on the world's stations, then has every station export once more, so every event is in a
 * file. Throws if a service refuses an operation the model says it must accept: the history would not be what it
 * says it is.
 */
export function playHistory(world: HistoryWorld, history: History): Played {
  // Later than provisioning by more than any offset: a station's clock is off, but it does not run backwards
  // past its own ledger import and receipt (that is another matter, not HQ's).
  const reference = manualClock(AFTER_PROVISIONING);
  const clocks = STATIONS.map((_, i): Clock => ({ now: () => new Date(reference.now().getTime() + history.clockOffsetsMs[i]!) }));
  const models = STATIONS.map((s) => new StationModel(LEDGER[s.venue]!.map((c) => c.reservationNo)));
  const files: PlayedFile[] = [];
  const exportNow = (i: number) => {
    const spec = STATIONS[i]!;
    const r = exportSyncFile({ store: world.stations[spec.stationId]!, clock: clocks[i]! }, join(world.outboxes, spec.stationId));
    if (!r.ok) throw new Error(r.error.message);
    files.push({
      stationId: spec.stationId,
      venue: spec.venue,
      seq: r.value.seq,
      bytes: readFileSync(r.value.path),
      events: r.value.events,
    });
  };
  const accepted = (what: string, r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok) throw new Error(`${what} refused: ${r.error?.message}`);
  };

  for (const step of history.steps) {
    reference.advance(step.advanceMs);
    const ctx = { store: world.stations[STATIONS[step.station]!.stationId]!, clock: clocks[step.station]! };
    const m = models[step.station]!;
    const from = (list: readonly string[]) => (list.length === 0 ? undefined : list[step.pick % list.length]);
    switch (step.op) {
      case 'export':
        exportNow(step.station);
        break;
      case 'handover': {
        const no = from(m.servable());
        if (no === undefined) break;
        accepted(`handover ${no}`, recordHandover(ctx, clerk, no, idCheck));
        m.handed.add(no);
        break;
      }
      case 'refusal': {
        const no = from(m.servable());
        if (no === undefined) break;
        accepted(`refusal ${no}`, recordRefusal(ctx, clerk, no, '書類不足'));
        m.refusals++;
        break;
      }
      case 'undo': {
        const no = from([...m.handed]);
        if (no === undefined) break;
        accepted(`undo ${no}`, undoHandover(ctx, lead, no, '誤操作'));
        m.handed.delete(no);
        break;
      }
      case 'damaged': {
        const no = from(m.cards)!;
        accepted(`damaged ${no}`, markDamaged(ctx, lead, no, '破損'));
        m.damaged.add(no);
        break;
      }
      case 'return': {
        const out = m.outstanding();
        const batch = Array.from({ length: Math.min(step.count, out.length) }, (_, k) => out[(step.pick + k) % out.length]!);
        if (batch.length === 0) break;
        accepted(`return ${batch.join(',')}`, recordReturnBatch(ctx, lead, batch, '期限切れ'));
        for (const no of batch) m.returned.add(no);
        break;
      }
      case 'correct-receipt': {
        // A handed-over card was received by definition: the service makes the lead undo first.
        const no = from(m.cards.filter((c) => !m.handed.has(c)));
        if (no === undefined) break;
        const received = m.notReceived.has(no);
        accepted(`correct ${no}`, correctReceipt(ctx, lead, no, received, '数え直し'));
        if (received) m.notReceived.delete(no);
        else m.notReceived.add(no);
        break;
      }
    }
  }
  reference.advance(60_000);
  STATIONS.forEach((_, i) => exportNow(i));
  return {
    files,
    events: Object.fromEntries(STATIONS.map((s) => [s.stationId, readEvents(world.stations[s.stationId]!.db)])),
    did: Object.fromEntries(STATIONS.map((s, i) => [s.stationId, models[i]!.did()])),
    now: reference.now(),
  };
}

/** The ids of the events a file carries, read back from its sealed body (an opening costs: only where needed). */
export function eventIdsOf(world: HistoryWorld, file: PlayedFile): string[] {
  const opened = openSyncFile(file.bytes, { stationPublicKey: world.signers[file.stationId]!, expected: file, recipient: world.inbox() });
  if (!opened.ok) throw new Error(`${file.stationId} #${file.seq}: ${opened.error.message}`);
  return opened.value.body.events.map((e) => e.id);
}

/** The world every run starts from: HQ and the stations provisioned, ledgers imported and received. */
export function historyWorld(t: { after(fn: () => void): void }, options: { outboxes: 'memory' | 'disk' }): HistoryWorld {
  const made = syncWorld(t, manualClock(START), STATIONS, LEDGER);
  // Decoding a key from the database is the costliest step of reading a file: once per world, not per file.
  const inbox = made.inbox();
  const signers = Object.fromEntries(STATIONS.map((s) => [s.stationId, signingKey(made.stations[s.stationId]!.db)!.publicKey]));
  const world = { ...made, inbox: () => inbox, signers };
  // Each file written costs two fsyncs (~10 ms on a plain disk), most of a run's time. The test is about what
  // HQ makes of the bytes, not their durability: where there is a RAM disk, the outboxes go there.
  if (options.outboxes === 'disk' || !existsSync('/dev/shm')) return { ...world, outboxes: join(made.dir, 'outbox') };
  const outboxes = mkdtempSync('/dev/shm/madoguchi-outbox-');
  t.after(() => rmSync(outboxes, { recursive: true, force: true }));
  return { ...world, outboxes };
}

/**
 * Runs `fn` on the world and then puts every folder back exactly as provisioned. A new world costs ~90 ms (key
 * generation, migrations, a durable commit per operation), too much for a thousand runs; an outer transaction
 * rolled back costs nothing, and the services' own transactions nest in it as savepoints.
 */
export function inRolledBackWorld<T>(world: HistoryWorld, fn: () => T): T {
  const dbs = [world.hq.db, ...STATIONS.map((s) => world.stations[s.stationId]!.db)];
  for (const db of dbs) db.exec('BEGIN');
  try {
    return fn();
  } finally {
    for (const db of dbs) if (db.inTransaction) db.exec('ROLLBACK');
    // The kept fold has read rows that no longer exist; row ids will be reused by the next run.
    for (const s of STATIONS) forgetReconciliation(world.stations[s.stationId]!);
    // The files go with the records that made them: a station refuses an outbox ahead of its own record.
    rmSync(world.outboxes, { recursive: true, force: true });
  }
}
