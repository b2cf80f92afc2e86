// hq-sync.json as it travels: HQ's inbox key and TLS certificate, signed by HQ's signing key, so a station
// checks it against the key its folder pinned before sealing a single file to it. Before issue 14 the file was
// unsigned: whoever handed a station one could have its files sealed to them and pull them over TLS.
// Setting it up says what it changes: a station's recipients are replaced only when asked to.
import { z } from 'zod';
import { err, type Result } from '../../shared/result';
import type { Db } from '../db/connection';
import { HqSignature, hqDocumentSignedBy, shortFingerprint, signHqDocument } from '../crypto/hq-key-trust';
import { mismatchMessage } from '../crypto/hq-pin';
import { rawPublicKey, type PrivateKeyHandle, type PublicKeyHandle } from '../crypto/key-files';
import { parseJsonOrUndefined } from '../files/safe-json';
import { parseHqSyncInfo, recipients, type HqSyncInfo, type RegistrationProblem } from './registration';

const CONTEXT = 'madoguchi/hq-sync/v2';

const Body = z.strictObject({
  format: z.literal('madoguchi-hq-sync'),
  version: z.literal(2),
  inbox: z.unknown(),
  tls: z.unknown(),
  issuedAt: z.iso.datetime(),
});
const SignedFile = z.strictObject({ ...Body.shape, signedBy: HqSignature });

const WHAT = '事務センターの同期鍵ファイル（hq-sync.json）';

/** The file HQ hands every station: its sync description, signed by HQ's signing key. */
export function encodeHqSyncFile(info: HqSyncInfo, hqKey: PrivateKeyHandle, at: Date): string {
  const body: z.infer<typeof Body> = {
    format: 'madoguchi-hq-sync',
    version: 2,
    inbox: info.inbox,
    tls: info.tls,
    issuedAt: at.toISOString(),
  };
  return JSON.stringify({ ...body, signedBy: signHqDocument(CONTEXT, body, hqKey) }, null, 2) + '\n';
}

/** Reads hq-sync.json, believing it only if the key this folder pinned for HQ signed it. */
export function parseHqSyncFile(text: string, pinned: PublicKeyHandle | null): Result<HqSyncInfo, RegistrationProblem> {
  const json = parseJsonOrUndefined(text);
  const unsigned = z.looseObject({ format: z.literal('madoguchi-hq-sync'), version: z.literal(1) }).safeParse(json);
  if (unsigned.success)
    return err({
      code: 'unsigned',
      message: `${WHAT}に事務センターの署名がありません（古い形式）。事務センターで madoguchi sync identity --hq-key hq.key により作り直してもらってください。何も変えていません`,
    });
  const parsed = SignedFile.safeParse(json);
  if (!parsed.success) return err({ code: 'not-a-registration', message: `${WHAT}ではありません（形式が違うか、壊れています）` });
  if (!pinned)
    return err({
      code: 'not-pinned',
      message:
        'このデータフォルダには事務センターの鍵がまだ登録されていないため、署名を確かめられません。先に madoguchi venue trust-hq --hq-pub hq.pub で登録してください',
    });
  const { signedBy, ...body } = parsed.data;
  if (signedBy.keyId !== pinned.keyId) return err({ code: 'hq-key-mismatch', message: mismatchMessage(pinned, signedBy) });
  if (!hqDocumentSignedBy(CONTEXT, body, signedBy, pinned))
    return err({
      code: 'bad-signature',
      message: `${WHAT}の署名が正しくありません（書き換えられたか壊れています）。事務センターから受け取り直してください。何も変えていません`,
    });
  // Signed, so HQ wrote it: the inner description is still read as strictly as before.
  return parseHqSyncInfo(JSON.stringify({ format: 'madoguchi-hq-sync', version: 1, inbox: body.inbox, tls: body.tls }));
}

export interface RecipientChange {
  readonly role: 'hq' | 'venue';
  readonly from: { readonly keyId: string; readonly tlsFingerprint: string | null } | null;
  readonly to: { readonly keyId: string; readonly tlsFingerprint: string | null };
}

/** What setting these recipients would change: nothing listed means the station already seals to exactly them. */
export function recipientChanges(db: Db, hq: HqSyncInfo, venuePub: PublicKeyHandle): RecipientChange[] {
  const now = recipients(db);
  const wanted = [
    { role: 'hq' as const, keyId: hq.inbox.keyId, raw: hq.inbox.publicKey, tlsFingerprint: hq.tls.fingerprint },
    { role: 'venue' as const, keyId: venuePub.keyId, raw: rawPublicKey(venuePub.publicKey).toString('base64'), tlsFingerprint: null },
  ];
  return wanted.flatMap((w) => {
    const held = now.find((r) => r.role === w.role);
    const same =
      held &&
      held.keyId === w.keyId &&
      rawPublicKey(held.publicKey).toString('base64') === w.raw &&
      held.tlsFingerprint === w.tlsFingerprint;
    if (same) return [];
    return [
      {
        role: w.role,
        from: held ? { keyId: held.keyId, tlsFingerprint: held.tlsFingerprint } : null,
        to: { keyId: w.keyId, tlsFingerprint: w.tlsFingerprint },
      },
    ];
  });
}

/** A change in words: 事務センター 鍵ID a → b（証明書も変わります）. */
export function describeRecipientChange(c: RecipientChange, venueName: string): string {
  const who = c.role === 'hq' ? '事務センター' : venueName;
  if (!c.from) return `${who}（鍵ID ${shortFingerprint(c.to.keyId)}）を宛先に加えます`;
  const tls = c.from.tlsFingerprint !== c.to.tlsFingerprint && c.role === 'hq' ? '、証明書の指紋も変わります' : '';
  return `${who}の宛先が変わります: 鍵ID ${shortFingerprint(c.from.keyId)} → ${shortFingerprint(c.to.keyId)}${tls}`;
}
