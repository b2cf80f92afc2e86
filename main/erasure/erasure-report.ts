// The 消去報告書 (別紙⑦ 第12条5): when, by whom, under which approval, what was erased (items and counts per
// category, the medium, the method), what must still be destroyed by hand, and the final heads of the chained
// records — signed with the station's own key, taken from the database just before it was destroyed. HQ, which
// registered that key with the station, verifies it (`erasure verify --hq-data`). Names no resident.
import { z } from 'zod';
import { SITE_IDS } from '../../shared/venues/venues';
import { signedDocument } from '../crypto/signed-document';

const SIGNATURE_DOMAIN = 'madoguchi-erasure-report-v1\n';
const Count = z.number().int().min(0);
const Head = z.strictObject({ seq: Count, chain: z.string().nullable() });

export const ErasureBody = z.strictObject({
  format: z.literal('madoguchi-erasure-report'),
  version: z.literal(1),
  site: z.enum(SITE_IDS),
  stationId: z.string().min(1).max(64),
  dataDir: z.string(),
  /** The ward's approval of the application (第12条2): its reference, as given. */
  approval: z.string().min(1).max(200),
  startedAt: z.string(),
  erasedAt: z.string(),
  erasedBy: z.strictObject({ actor: z.string(), name: z.string() }),
  items: z.array(
    z.strictObject({
      category: z.string(),
      item: z.string(),
      medium: z.string(),
      count: Count,
      unit: z.string(),
      method: z.string(),
      /** Places erased here (backups, files), each gone when checked after. */
      erased: z.array(z.string()),
      /** Places this station could not reach (a medium taken away): to destroy by hand, as the method says. */
      byHand: z.array(z.string()),
    }),
  ),
  finalHeads: z.strictObject({ access: Head, events: Head }),
  /** Checked after: the folder, the backups and files erased no longer exist. */
  checkedUnreadable: z.boolean(),
  /** The station's Ed25519 public key (raw, base64), as registered at HQ. */
  signingKey: z.string(),
});
export type ErasureBody = z.infer<typeof ErasureBody>;

const report = signedDocument(ErasureBody, SIGNATURE_DOMAIN, {
  unreadable: '消去報告書（JSON）として読めません（途中で切れているか、壊れています）',
  unsigned: '署名がありません',
  notOurs: (at) => `Madoguchi の消去報告書ではありません（${at} が違います）`,
});

export const erasureReportText = report.text;
export const parseErasureReport = report.parse;
export const erasureReportSigned = report.signed;
