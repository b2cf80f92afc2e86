// 消去 at the end of the work (別紙⑦ 第12条4–5): with the ward's approval reference, every kind of residents'
// data the retention plan lists is made unreadable — the backups the station made and can reach, the plaintext
// files it wrote out, its sent sync files, and last its own folder, key first (crypto-erase) — then checked
// gone, and reported in a 消去報告書 signed with the station's key (read before the folder is destroyed). The
// signed JSON is written here, first; its printed form (PDF) is the caller's, from the returned body.
import { isWithin } from '../files/within';
import { existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from '../clock';
import type { HqStore, VenueStore } from '../store/data-folder';
import { err, ok, type Result } from '../../shared/result';
import { retentionPlan } from '../retention/retention-plan';
import { checkRecords } from '../access/verify-record';
import { ensureSigningKey } from '../sync/sync-keys';
import { rawPublicKey } from '../crypto/key-files';
import { readSetting } from '../store/settings';
import { KEYRING_FILE, DB_FILE } from '../store/folder-files';
import { writeFileAtomic } from '../files/atomic-write';
import { tokyoStamp } from '../../shared/tokyo-date';
import { shredDir, shredFile } from './shred';
import { erasureReportText, type ErasureBody } from './erasure-report';

export interface ErasureRequest {
  readonly approval: string;
  readonly reportDir: string;
  readonly actor: string;
  readonly actorName: string;
}

export interface Erased {
  readonly body: ErasureBody;
  /** The signed report's path. */
  readonly json: string;
  /** Where the printed report goes beside it (the same name, .pdf). */
  readonly pdf: string;
}

export function eraseFolder(
  store: VenueStore | HqStore,
  clock: Clock,
  req: ErasureRequest,
): Result<Erased, { code: 'report-inside'; message: string }> {
  const folder = resolve(store.dir);
  const reportDir = resolve(req.reportDir);
  if (isWithin(reportDir, folder))
    return err({
      code: 'report-inside',
      message: `報告書の保存先 ${reportDir} は消去するデータフォルダの中です。別のフォルダを指定してください`,
    });
  mkdirSync(reportDir, { recursive: true });
  const startedAt = clock.now().toISOString();
  const plan = retentionPlan(store);
  const heads = checkRecords(store.db, store.stationId).heads;
  const key = ensureSigningKey(store.db);
  const outbox = resolve(store.dir, readSetting(store.db, 'sync-outbox'));
  const site = 'site' in store ? store.site : store.venue;
  store.close();

  const erasedPlaces = new Map<string, string[]>();
  const byHand = new Map<string, string[]>();
  for (const c of plan.categories)
    for (const p of c.places) {
      if (existsSync(p.path)) {
        // A backup is a folder (its key first); a file written out is a file.
        if (lstatSync(p.path).isDirectory()) shredDir(p.path, [KEYRING_FILE]);
        else shredFile(p.path);
        erasedPlaces.set(c.id, [...(erasedPlaces.get(c.id) ?? []), p.path]);
      } else byHand.set(c.id, [...(byHand.get(c.id) ?? []), p.path]);
    }
  // Any other file of the station's own in the outbox (one its record no longer names, after a restore): it goes
  // too. A shared outbox may hold its siblings' files: only its own go.
  const strays = readdirSafe(outbox)?.filter((n) => n.startsWith(`${store.stationId}-`) && n.endsWith('.sync')) ?? [];
  for (const n of strays) {
    shredFile(join(outbox, n));
    erasedPlaces.set('sync-files', [...(erasedPlaces.get('sync-files') ?? []), join(outbox, n)]);
  }
  // The folder last, its key first: once keyring.json is gone, nothing left of the database can be read.
  shredDir(folder, [KEYRING_FILE, DB_FILE]);

  const gone = [folder, ...[...erasedPlaces.values()].flat()].every((p) => !existsSync(p));
  const erasedAt = clock.now().toISOString();
  const body: ErasureBody = {
    format: 'madoguchi-erasure-report',
    version: 1,
    site,
    stationId: store.stationId,
    dataDir: folder,
    approval: req.approval,
    startedAt,
    erasedAt,
    erasedBy: { actor: req.actor, name: req.actorName },
    items: plan.categories.map((c) => ({
      category: c.id,
      item: c.item,
      medium: c.medium,
      count: c.count,
      unit: c.unit,
      method: c.method,
      erased: c.id === 'resident-rows' || c.id === 'events' || c.id === 'access-record' ? [folder] : (erasedPlaces.get(c.id) ?? []),
      byHand: byHand.get(c.id) ?? [],
    })),
    finalHeads: {
      access: { seq: heads.access?.seq ?? 0, chain: heads.access?.chain ?? null },
      events: { seq: heads.events?.seq ?? 0, chain: heads.events?.chain ?? null },
    },
    checkedUnreadable: gone,
    signingKey: rawPublicKey(key.publicKey).toString('base64'),
  };
  const base = join(reportDir, `erasure-report-${store.stationId}-${tokyoStamp(new Date(erasedAt))}`);
  writeFileAtomic(`${base}.json`, erasureReportText(body, key.privateKey));
  return ok({ body, json: `${base}.json`, pdf: `${base}.pdf` });
}

function readdirSafe(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
}
