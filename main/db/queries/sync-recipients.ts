// Whom a station seals its sync files to (sync_recipients): HQ's inbox key and the venue's own key.
import type { Db } from '../connection';

export interface RecipientRow {
  key_id: string;
  role: 'hq' | 'venue';
  /** Raw X25519 public key, base64. */
  public_key: string;
  tls_fingerprint: string | null;
}

/** Sets the station's recipients to exactly these, forgetting any set before. */
export function replaceRecipients(db: Db, rows: readonly RecipientRow[]): void {
  db.prepare('DELETE FROM sync_recipients').run();
  const add = db.prepare('INSERT INTO sync_recipients (key_id, role, public_key, tls_fingerprint) VALUES (?, ?, ?, ?)');
  for (const r of rows) add.run(r.key_id, r.role, r.public_key, r.tls_fingerprint);
}

/** The station's recipients, HQ first. */
export function recipientRows(db: Db): RecipientRow[] {
  return db.prepare('SELECT key_id, role, public_key, tls_fingerprint FROM sync_recipients ORDER BY role').all() as RecipientRow[];
}
