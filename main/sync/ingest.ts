// Taking in a station's sync file — at HQ, or at a venue lead's station for its siblings. Idempotent: a file
// already held is a no-op, events already held are skipped by id, so files in any order, duplicated or
// replayed, never count twice. A file that fails any check (unregistered station, signature, venue, framing,
// body) changes nothing. Two different files under one number, or a file that does not follow the one
// before it, is a signed contradiction by the station: kept as an alert for a person.
import { createHash } from 'node:crypto';
import type { VenueId } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
import { syncFileIngestQueries } from '../db/queries/sync-files';
import { foreignEventWriter } from '../db/queries/events-sync';
import { alertRecorder, type SyncAlertKind } from '../db/queries/sync-alerts';
import { count } from '../../shared/numbers';
import { recordStationLabel } from '../db/queries/sync-stations';
import type { Clock } from '../clock';
import { openSyncFile, peekSyncHeader } from './sync-file';
import { type OpenedSyncFile, type SyncFileProblemCode } from './sync-file-format';
import { registeredStations, type RegisteredStation } from './registration';
import type { KeyPair } from './sync-keys';
import { writeTransaction } from '../db/transaction';
import { checkpointProblem, continuesProblem, type CheckpointProblem, type KeptHead } from './access-checkpoint';
import { GENESIS } from '../access/chain';

export interface IngestContext {
  readonly db: Db;
  readonly clock: Clock;
  /** The key this folder opens files with: HQ's inbox key, or the venue's key at a lead's station. */
  readonly recipient: KeyPair;
}

export type IngestOutcome =
  | {
      readonly status: 'ingested';
      readonly stationId: string;
      readonly seq: number;
      readonly newEvents: number;
      readonly knownEvents: number;
      readonly alerts: readonly AlertKind[];
    }
  | { readonly status: 'already-have'; readonly stationId: string; readonly seq: number }
  | { readonly status: 'equivocation'; readonly stationId: string; readonly seq: number }
  | { readonly status: 'rejected'; readonly code: SyncFileProblemCode | 'unregistered' | 'revoked'; readonly message: string };

export type AlertKind = SyncAlertKind;

/** Clocks a few minutes apart are ordinary (a PC never synchronised); a file further ahead is flagged. */
const FUTURE_TOLERANCE_MS = 15 * 60_000;

/** Reads the registry once for many files (a pull brings a few hundred). */
export function createIngester(ctx: IngestContext) {
  const { db, clock, recipient } = ctx;
  const stations = new Map<string, RegisteredStation>(registeredStations(db).map((s) => [s.stationId, s]));
  const files = syncFileIngestQueries(db);
  const events = foreignEventWriter(db);
  const recordAlert = alertRecorder(db);

  const alert = (stationId: string, seq: number, kind: AlertKind, sha256: string, detail: object) =>
    recordAlert({ at: clock.now().toISOString(), station_id: stationId, seq, kind, sha256, detail: JSON.stringify(detail) });

  function ingest(bytes: Uint8Array): IngestOutcome {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The same bytes were verified when first taken in: a replay costs one indexed read.
    const held = files.withSha256(sha256);
    if (held) return { status: 'already-have', stationId: held.station_id, seq: held.seq };
    const peek = peekSyncHeader(bytes);
    if (!peek.ok) return { status: 'rejected', code: peek.error.code, message: peek.error.message };
    const station = stations.get(peek.value.stationId);
    if (!station)
      return {
        status: 'rejected',
        code: 'unregistered',
        message: `端末 ${peek.value.stationId} は登録されていません（madoguchi sync register）`,
      };
    const opened = openSyncFile(bytes, {
      stationPublicKey: station.signingPublicKey,
      expected: { venue: station.venue, stationId: station.stationId },
      recipient,
    });
    if (!opened.ok) return { status: 'rejected', code: opened.error.code, message: `${station.stationId}: ${opened.error.message}` };
    // Signed by a revoked station's key: whoever holds the lost key made it, or it never reached us before the
    // revocation. Either way a person looks; nothing in it is taken in.
    if (station.revoked) {
      const { seq } = opened.value.header;
      alert(station.stationId, seq, 'revoked-station', sha256, { revokedAt: station.revoked.at, keptThrough: station.revoked.afterSeq });
      return {
        status: 'rejected',
        code: 'revoked',
        message: `${station.stationId} #${seq}: 取り消した端末の鍵で署名されたファイルです（取り込まず、要確認として記録しました）`,
      };
    }
    return writeTransaction(db, () => take(opened.value, station.venue, bytes));
  }

  function take(file: OpenedSyncFile, venue: VenueId, bytes: Uint8Array): IngestOutcome {
    const { header, body, fileSha256 } = file;
    const { stationId, seq } = header;
    const other = files.atSeq(stationId, seq);
    if (other) {
      alert(stationId, seq, 'equivocation', fileSha256, { held: other.sha256, offered: fileSha256, venue });
      return { status: 'equivocation', stationId, seq };
    }
    const alerts: AlertKind[] = [];
    const before = files.atSeq(stationId, seq - 1);
    if (before && header.prevSha256 !== before.sha256) {
      alert(stationId, seq, 'chain-broken', fileSha256, { expectedPrev: before.sha256, statedPrev: header.prevSha256 });
      alerts.push('chain-broken');
    }
    const after = files.atSeq(stationId, seq + 1);
    if (after && after.prev_sha256 !== fileSha256) {
      alert(stationId, seq + 1, 'chain-broken', after.sha256, { expectedPrev: fileSha256, statedPrev: after.prev_sha256 });
      alerts.push('chain-broken');
    }
    // The access record only grows: this file's checkpoint adds up, starts where the file before ended, and the file
    // after (taken in first, files come in any order) starts where this one ends.
    const accessAlerts = new Set<CheckpointProblem>();
    const own = checkpointProblem(body);
    if (own) accessAlerts.add(own);
    const keptBefore = before ? keptHead(before.access_head) : undefined;
    // A station restored from a backup continues its record from the backup's head, and says so in this file:
    // the rows after it were lost with the disk (an incident for a person, not a rewind to hide).
    const restored = body.events.find((e) => e.stationId === stationId && e.kind === 'station.restored');
    const restoredHead = restored ? (restored.payload as { backupAccessHead: { seq: number; sha256: string } }).backupAccessHead : null;
    const fromBefore =
      restoredHead !== null
        ? continuesProblem({ ...restoredHead, chained: true }, body.accessLink.from)
        : keptBefore === undefined
          ? null
          : continuesProblem(keptBefore, body.accessLink.from);
    if (fromBefore) accessAlerts.add(fromBefore);
    if (restored) {
      alert(stationId, seq, 'station-restored', fileSha256, restored.payload);
      alerts.push('station-restored');
    }
    const keptAfter = after ? keptHead(after.access_head) : null;
    if (keptAfter?.chained) {
      const intoAfter = continuesProblem({ ...(body.accessHead ?? { seq: 0, sha256: GENESIS }), chained: true }, keptAfter.from ?? null);
      if (intoAfter) accessAlerts.add(intoAfter);
    }
    // The station's own check found its records changed (it says so in the signed file it sends anyway).
    if (body.recordsBroken) {
      alert(stationId, seq, 'records-tampered', fileSha256, body.recordsBroken);
      alerts.push('records-tampered');
    }
    for (const kind of accessAlerts) {
      alert(stationId, seq, kind, fileSha256, {
        from: body.accessLink.from?.seq ?? 0,
        head: body.accessHead?.seq ?? 0,
        before: keptBefore?.seq ?? null,
      });
      alerts.push(kind);
    }
    let newEvents = 0;
    let knownEvents = 0;
    for (const e of body.events) {
      if (events.insertIfNew(e)) newEvents++;
      else if (events.has(e.id)) knownEvents++;
      else {
        // Same station and number, another event: the station contradicts itself.
        alert(stationId, seq, 'event-conflict', fileSha256, { eventSeq: e.seq, eventId: e.id });
        if (!alerts.includes('event-conflict')) alerts.push('event-conflict');
      }
    }
    // Times in the receiver's future: the station's clock ran ahead (a day, in the trial), and its events would
    // count toward a day that has not come. Taken in all the same (nothing recorded is dropped), and said.
    const latest = body.events.reduce((m, e) => (e.clientTime > m ? e.clientTime : m), header.createdAt);
    if (Date.parse(latest) > clock.now().getTime() + FUTURE_TOLERANCE_MS) {
      alert(stationId, seq, 'future-dated', fileSha256, { latest, receivedAt: clock.now().toISOString() });
      alerts.push('future-dated');
    }
    files.insert({
      station_id: stationId,
      seq,
      sha256: fileSha256,
      prev_sha256: header.prevSha256,
      business_date: header.businessDate,
      created_at: header.createdAt,
      claimed: JSON.stringify({ ...body.claimed, knownThrough: body.knownThrough }),
      access_head: JSON.stringify({ ...(body.accessHead ?? { seq: 0, sha256: GENESIS }), from: body.accessLink.from, chained: true }),
      event_count: body.events.length,
      received_at: clock.now().toISOString(),
      bytes,
    });
    if (body.stationLabel !== undefined) recordStationLabel(db, stationId, body.stationLabel, seq);
    return { status: 'ingested', stationId, seq, newEvents, knownEvents, alerts };
  }

  /**
   * A pull's worth of files in one commit (each file its own savepoint, so a file that fails is undone alone):
   * one fsync for the batch instead of one per file, which is most of an ingest's cost.
   */
  function ingestAll(files: readonly Uint8Array[]): IngestOutcome[] {
    return writeTransaction(db, () =>
      files.map((bytes): IngestOutcome => {
        try {
          return ingest(bytes);
        } catch (e) {
          return { status: 'rejected', code: 'bad-body', message: `取り込めませんでした: ${(e as Error).message}` };
        }
      }),
    );
  }

  return { ingest, ingestAll };
}

/** What each alert a file raises means, in words (HQ's report and a pull's output say the same). */
export const ALERT_WORDS: Readonly<Record<AlertKind, string>> = {
  equivocation: '同じ番号で内容の異なるファイル',
  'chain-broken': '前のファイルとつながらないファイル',
  'event-conflict': '同じ番号で内容の異なる記録',
  'future-dated': '受け取った時刻より後の時刻の記録（端末の時計が進んでいる可能性があります）',
  'access-rewound': '個人情報取扱台帳が前のファイルの時点より短くなっている（記録が削除された可能性があります）',
  'access-rewritten': '個人情報取扱台帳が前のファイルの時点から書き換えられている',
  'station-restored': 'バックアップから復元された端末（故障で失われた個人情報取扱台帳の記録があれば、第15条の事故として報告してください）',
  'records-tampered':
    '端末自身の検証で、記録（個人情報取扱台帳・業務記録・職員の表）の削除・変更が見つかった（端末で madoguchi access verify を実行してください）',
  'revoked-station': '取り消した端末の鍵で署名されたファイル（取り込んでいません。鍵が悪用されているおそれがあります）',
};

/** A head HQ kept: null for a file that had none (an empty record). */
function keptHead(text: string | null): KeptHead | null {
  return text === null ? null : (JSON.parse(text) as KeptHead);
}

/**
 * A file's outcome in words, its station named as people know it (本庁舎 窓口1, when the pull could name it; the
 * id otherwise), with counts as 1,234件: the file's own name, which holds the station id, goes beside it.
 */
export function describeOutcome(o: IngestOutcome & { readonly station?: string | null }): string {
  const who = o.status === 'rejected' ? '' : (o.station ?? o.stationId);
  switch (o.status) {
    case 'ingested':
      return `${who} #${o.seq}: 取込 ${count(o.newEvents)}${o.knownEvents ? `（既知 ${count(o.knownEvents)}）` : ''}${o.alerts.length ? `  要確認: ${o.alerts.map((a) => ALERT_WORDS[a]).join('、')}` : ''}`;
    case 'already-have':
      return `${who} #${o.seq}: 取込済み（変更なし）`;
    case 'equivocation':
      return `${who} #${o.seq}: 同じ番号で内容の異なるファイルです（要確認として記録しました。取り込んでいません）`;
    case 'rejected':
      return `拒否: ${o.message}`;
  }
}
