// Taking in a station's sync file — at HQ, or at a venue lead's station for its siblings. Idempotent: a file
// already held is a no-op, events already held are skipped by id, so files in any order, duplicated or
// replayed, never count twice. A file that fails any check (unregistered station, signature, venue, framing,
// body) changes nothing. Two different files under one number, or a file that does not follow the one
// before it, is a signed contradiction by the station: kept as an alert for a person.
import { createHash } from 'node:crypto';
import type { VenueId } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { openSyncFile, peekSyncHeader, type OpenedSyncFile, type SyncFileProblemCode } from './sync-file';
import { registeredStations, type RegisteredStation } from './registration';
import type { KeyPair } from './sync-keys';

export interface IngestContext {
  readonly db: Db;
  readonly clock: Clock;
  /** The key this folder opens files with: HQ's inbox key, or the venue's key at a lead's station. */
  readonly recipient: KeyPair;
}

export type IngestOutcome =
  | { readonly status: 'ingested'; readonly stationId: string; readonly seq: number; readonly newEvents: number; readonly knownEvents: number; readonly alerts: readonly AlertKind[] }
  | { readonly status: 'already-have'; readonly stationId: string; readonly seq: number }
  | { readonly status: 'equivocation'; readonly stationId: string; readonly seq: number }
  | { readonly status: 'rejected'; readonly code: SyncFileProblemCode | 'unregistered'; readonly message: string };

export type AlertKind = 'equivocation' | 'chain-broken' | 'event-conflict';

/** Reads the registry once for many files (a pull brings a few hundred). */
export function createIngester(ctx: IngestContext) {
  const { db, clock, recipient } = ctx;
  const stations = new Map<string, RegisteredStation>(registeredStations(db).map((s) => [s.stationId, s]));
  const bySha = db.prepare('SELECT station_id, seq FROM sync_files WHERE sha256 = ?');
  const bySeq = db.prepare('SELECT sha256, prev_sha256 FROM sync_files WHERE station_id = ? AND seq = ?');
  const insertEvent = db.prepare(
    'INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const eventById = db.prepare('SELECT 1 FROM events WHERE id = ?');
  const insertFile = db.prepare(
    `INSERT INTO sync_files (station_id, seq, sha256, prev_sha256, business_date, created_at, claimed, access_head, event_count, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAlert = db.prepare('INSERT INTO sync_alerts (at, station_id, seq, kind, sha256, detail) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');

  const alert = (stationId: string, seq: number, kind: AlertKind, sha256: string, detail: object) =>
    insertAlert.run(clock.now().toISOString(), stationId, seq, kind, sha256, JSON.stringify(detail));

  function ingest(bytes: Uint8Array): IngestOutcome {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The same bytes were verified when first taken in: a replay costs one indexed read.
    const held = bySha.get(sha256) as { station_id: string; seq: number } | undefined;
    if (held) return { status: 'already-have', stationId: held.station_id, seq: held.seq };
    const peek = peekSyncHeader(bytes);
    if (!peek.ok) return { status: 'rejected', code: peek.error.code, message: peek.error.message };
    const station = stations.get(peek.value.stationId);
    if (!station) return { status: 'rejected', code: 'unregistered', message: `端末 ${peek.value.stationId} は登録されていません（madoguchi sync register）` };
    const opened = openSyncFile(bytes, { stationPublicKey: station.signingPublicKey, expected: { venue: station.venue, stationId: station.stationId }, recipient });
    if (!opened.ok) return { status: 'rejected', code: opened.error.code, message: `${station.stationId}: ${opened.error.message}` };
    return db.transaction(() => take(opened.value, station.venue))();
  }

  function take(file: OpenedSyncFile, venue: VenueId): IngestOutcome {
    const { header, body, fileSha256 } = file;
    const { stationId, seq } = header;
    const other = bySeq.get(stationId, seq) as { sha256: string } | undefined;
    if (other) {
      alert(stationId, seq, 'equivocation', fileSha256, { held: other.sha256, offered: fileSha256, venue });
      return { status: 'equivocation', stationId, seq };
    }
    const alerts: AlertKind[] = [];
    const before = bySeq.get(stationId, seq - 1) as { sha256: string } | undefined;
    if (before && header.prevSha256 !== before.sha256) {
      alert(stationId, seq, 'chain-broken', fileSha256, { expectedPrev: before.sha256, statedPrev: header.prevSha256 });
      alerts.push('chain-broken');
    }
    const after = bySeq.get(stationId, seq + 1) as { sha256: string; prev_sha256: string | null } | undefined;
    if (after && after.prev_sha256 !== fileSha256) {
      alert(stationId, seq + 1, 'chain-broken', after.sha256, { expectedPrev: fileSha256, statedPrev: after.prev_sha256 });
      alerts.push('chain-broken');
    }
    let newEvents = 0;
    let knownEvents = 0;
    for (const e of body.events) {
      const r = insertEvent.run(e.id, e.stationId, e.seq, e.clientTime, e.actor, e.kind, JSON.stringify(e.payload), e.subject);
      if (r.changes === 1) newEvents++;
      else if (eventById.get(e.id)) knownEvents++;
      else {
        // Same station and number, another event: the station contradicts itself.
        alert(stationId, seq, 'event-conflict', fileSha256, { eventSeq: e.seq, eventId: e.id });
        if (!alerts.includes('event-conflict')) alerts.push('event-conflict');
      }
    }
    insertFile.run(stationId, seq, fileSha256, header.prevSha256, header.businessDate, header.createdAt,
      JSON.stringify({ ...body.claimed, knownThrough: body.knownThrough }), body.accessHead ? JSON.stringify(body.accessHead) : null, body.events.length, clock.now().toISOString());
    return { status: 'ingested', stationId, seq, newEvents, knownEvents, alerts };
  }

  /**
   * A pull's worth of files in one commit (each file its own savepoint, so a file that fails is undone alone):
   * one fsync for the batch instead of one per file, which is most of an ingest's cost.
   */
  function ingestAll(files: readonly Uint8Array[]): IngestOutcome[] {
    return db.transaction(() => files.map((bytes): IngestOutcome => {
      try {
        return ingest(bytes);
      } catch (e) {
        return { status: 'rejected', code: 'bad-body', message: `取り込めませんでした: ${(e as Error).message}` };
      }
    }))();
  }

  return { ingest, ingestAll };
}

export function describeOutcome(o: IngestOutcome): string {
  switch (o.status) {
    case 'ingested':
      return `${o.stationId} #${o.seq}: 取込 ${o.newEvents} 件${o.knownEvents ? `（既知 ${o.knownEvents} 件）` : ''}${o.alerts.length ? `  要確認: ${o.alerts.join(', ')}` : ''}`;
    case 'already-have':
      return `${o.stationId} #${o.seq}: 取込済み（変更なし）`;
    case 'equivocation':
      return `${o.stationId} #${o.seq}: 同じ番号で内容の異なるファイルです（要確認として記録しました。取り込んでいません）`;
    case 'rejected':
      return `拒否: ${o.message}`;
  }
}
