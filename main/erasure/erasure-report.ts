// The 消去報告書 (別紙⑦ 第12条5): when, by whom, under which approval, what was erased (items and counts per
// category, the medium, the method), what must still be destroyed by hand, and the final heads of the chained
// records — signed with the station's own key, taken from the database just before it was destroyed. HQ, which
// registered that key with the station, verifies it (`erasure verify --hq-data`). Names no resident.
import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { SITE_IDS } from '../../shared/venues/venues';
import { canonicalJson } from '../files/canonical-json';

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

const ReportFile = z.strictObject({ body: ErasureBody, signature: z.string().min(1) });

const signed = (body: ErasureBody) => Buffer.from(SIGNATURE_DOMAIN + canonicalJson(body));

export function erasureReportText(body: ErasureBody, privateKey: KeyObject): string {
  return JSON.stringify({ body, signature: sign(null, signed(body), privateKey).toString('base64') }, null, 2) + '\n';
}

export function parseErasureReport(text: string): { ok: true; body: ErasureBody; signature: string } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, why: '消去報告書（JSON）として読めません（途中で切れているか、壊れています）' };
  }
  const parsed = ReportFile.safeParse(json);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.join('.') ?? '';
    return {
      ok: false,
      why: at === 'signature' ? '署名がありません' : `Madoguchi の消去報告書ではありません（${at || '形式'} が違います）`,
    };
  }
  return { ok: true, ...parsed.data };
}

export function erasureReportSigned(body: ErasureBody, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, signed(body), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
