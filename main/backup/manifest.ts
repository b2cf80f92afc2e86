// What a backup says of itself (manifest.json): whose folder, when, by whom, each file's size and sha256, the
// heads of the chained records and the counts — never a name or a reservation number, so the medium holds no
// plaintext about residents. Signed with the station's own signing key, which lives inside the backed-up
// database: `backup verify` checks the signature against the key it finds there, so a manifest written for
// other files, or edited, does not pass.
import { z } from 'zod';
import { SITE_IDS } from '../../shared/venues/venues';
import { signedDocument } from '../crypto/signed-document';

export const MANIFEST_FILE = 'manifest.json';
const SIGNATURE_DOMAIN = 'madoguchi-backup-manifest-v1\n';

const Count = z.number().int().min(0);
const Head = z.strictObject({ seq: Count, chain: z.string().nullable() });

export const BackupBody = z.strictObject({
  format: z.literal('madoguchi-backup'),
  version: z.literal(1),
  site: z.enum(SITE_IDS),
  stationId: z.string().min(1).max(64),
  createdAt: z.string(),
  createdBy: z.string().min(1).max(64),
  /** At day close (日締め), or asked for by a lead. */
  reason: z.enum(['day-close', 'manual']),
  schemaVersion: Count,
  files: z.array(z.strictObject({ name: z.string().min(1).max(64), bytes: Count, sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(2),
  /** The last link of each chained record at the snapshot: what a restore continues from. */
  records: z.strictObject({ access: Head, events: Head }),
  counts: z.strictObject({ events: Count, ownEvents: Count, accessRows: Count, residentRows: Count, staff: Count }),
  /** The chained records' check on the copy: null, or where they break (a faithful copy of a changed folder). */
  recordsBroken: z.strictObject({ record: z.enum(['access', 'events', 'staff']), seq: Count }).nullable(),
  /** The last sync file this station had published when the snapshot was taken. */
  lastSyncFile: Count.nullable(),
  /** The station's Ed25519 public key (SPKI, base64): the one inside the database must be this one. */
  signingKey: z.string().min(1),
});
export type BackupBody = z.infer<typeof BackupBody>;

const manifest = signedDocument(BackupBody, SIGNATURE_DOMAIN, {
  unreadable: `${MANIFEST_FILE} が JSON として読めません（途中で切れているか、壊れています）`,
  unsigned: `${MANIFEST_FILE} に署名がありません`,
  notOurs: (at) => `${MANIFEST_FILE} が Madoguchi のバックアップの目録ではありません（${at} が違います）`,
});

export const manifestText = manifest.text;
export const parseManifest = manifest.parse;
export const manifestSigned = manifest.signed;
