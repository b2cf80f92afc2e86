// What support asks about a folder's sync: is it set up, what did it last publish, whose files does it take in
// and when did the last one arrive. Numbers, dates, and stations by name with their ids; no personal data.
import type { Db } from '../db/connection';
import { lastExportSummary } from '../db/queries/sync-exports';
import { stationFileCounts } from '../db/queries/sync-files';
import { recipients, registeredStations } from './registration';
import { inboxKey, signingKey, venueKey } from './sync-keys';
import { dayText, tokyoDateTime } from '../../shared/tokyo-date';
import { num } from '../../shared/numbers';

export interface SyncStatus {
  readonly signingKeyId: string | null;
  /** Whom its files are sealed to (a station), or its inbox key (HQ). */
  readonly recipients: readonly { role: 'hq' | 'venue'; keyId: string }[];
  readonly inboxKeyId: string | null;
  readonly keepsVenueKey: boolean;
  readonly lastExport: { seq: number; businessDate: string; createdAt: string } | null;
  readonly stations: readonly {
    stationId: string;
    venue: string;
    source: string | null;
    files: number;
    lastSeq: number | null;
    lastBusinessDate: string | null;
    revoked: { at: string; reason: string; keptThroughSeq: number } | null;
  }[];
}

export function syncStatus(db: Db): SyncStatus {
  const last = lastExportSummary(db);
  const stations = registeredStations(db);
  const files = stationFileCounts(
    db,
    stations.map((s) => s.stationId),
  );
  return {
    signingKeyId: signingKey(db)?.keyId ?? null,
    recipients: recipients(db).map((r) => ({ role: r.role, keyId: r.keyId })),
    inboxKeyId: inboxKey(db)?.keyId ?? null,
    keepsVenueKey: venueKey(db) !== null,
    lastExport: last ?? null,
    stations: stations.map((s, i) => ({
      stationId: s.stationId,
      venue: s.venue,
      source: s.source,
      ...files[i]!,
      revoked: s.revoked && { at: s.revoked.at, reason: s.revoked.reason, keptThroughSeq: s.revoked.afterSeq },
    })),
  };
}

/** The sync state in lines; each station taken in by name (本庁舎 窓口2), its id beside it for support. */
export function describeSyncStatus(s: SyncStatus, stationName: (stationId: string) => string): string[] {
  const lines: string[] = [];
  if (s.inboxKeyId) lines.push(`同期: 事務センターの受信鍵 ${s.inboxKeyId}`);
  else if (s.recipients.length === 0) lines.push('同期: 未設定（madoguchi sync setup）');
  else {
    lines.push(
      `同期: 宛先 ${s.recipients.map((r) => `${r.role === 'hq' ? '事務センター' : '会場'} ${r.keyId}`).join('、')}${s.keepsVenueKey ? '（会場の鍵を保管）' : ''}`,
    );
    lines.push(
      `  最後の同期ファイル: ${s.lastExport ? `#${s.lastExport.seq}（${dayText(s.lastExport.businessDate)}、${tokyoDateTime(s.lastExport.createdAt)}）` : 'まだありません'}`,
    );
  }
  // A station whose label has not arrived yet is named by its id already: not twice.
  const named = (id: string) => (stationName(id).includes(id) ? stationName(id) : `${stationName(id)}（${id}）`);
  for (const st of s.stations)
    lines.push(
      st.revoked
        ? `  取り消した端末 ${named(st.stationId)}: ${tokyoDateTime(st.revoked.at)} 取消（${st.revoked.reason}）、#${st.revoked.keptThroughSeq} までのファイルを保持、以後は受け入れません`
        : `  受け入れる端末 ${named(st.stationId)}: ${num(st.files)} ファイル${st.lastSeq ? `、最新 #${st.lastSeq}（${st.lastBusinessDate === null ? '' : dayText(st.lastBusinessDate)}）` : ''}${st.source ? `  取得元 ${st.source}` : ''}`,
    );
  return lines;
}
