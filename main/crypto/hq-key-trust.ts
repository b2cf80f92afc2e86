// What a venue needs to trust HQ's signing key over time: the key's fingerprint (read aloud by phone when a
// folder first pins it), a statement by which HQ's old key vouches for its next one, and signing any small
// JSON document HQ hands a venue (hq-sync.json) so a venue can check it against the key it pinned.
import { createHash, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { parseJsonOrUndefined } from '../files/safe-json';
import { keyIdOf, publicKeyFromRaw, rawPublicKey, type PrivateKeyHandle, type PublicKeyHandle } from './key-files';

/** SHA-256 of the raw key, in groups of four: what HQ and the venue read to each other by phone. */
export function fingerprintOf(key: { publicKey: PublicKeyHandle['publicKey'] }): string {
  const hex = createHash('sha256').update(rawPublicKey(key.publicKey)).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** The short form in messages: the key id (the fingerprint's first 16 digits), grouped as the fingerprint is. */
export function shortFingerprint(keyId: string): string {
  return keyId.match(/.{4}/g)!.join(' ');
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const KeyId = z.string().regex(/^[0-9a-f]{16}$/);
const RawKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/** HQ's signature over a document: which key, and Ed25519 over the context line and the document's JSON. */
export const HqSignature = z.strictObject({ keyId: KeyId, signature: b64 });
export type HqSignature = z.infer<typeof HqSignature>;

function signedBytes(context: string, body: unknown): Buffer {
  return Buffer.from(`${context}\n${JSON.stringify(body)}`, 'utf8');
}

export function signHqDocument(context: string, body: unknown, hqKey: PrivateKeyHandle): HqSignature {
  return { keyId: hqKey.keyId, signature: sign(null, signedBytes(context, body), hqKey.privateKey).toString('base64') };
}

/** True only if this very key signed this body under this context. */
export function hqDocumentSignedBy(context: string, body: unknown, sig: HqSignature, key: PublicKeyHandle): boolean {
  if (sig.keyId !== key.keyId) return false;
  try {
    return verify(null, signedBytes(context, body), key.publicKey, Buffer.from(sig.signature, 'base64'));
  } catch {
    return false;
  }
}

const ROTATION_CONTEXT = 'madoguchi/hq-key-rotation/v1';

const RotationBody = z.strictObject({
  format: z.literal('madoguchi-hq-key-rotation'),
  version: z.literal(1),
  oldKeyId: KeyId,
  newKey: z.strictObject({ keyId: KeyId, publicKey: RawKey }),
  rotatedAt: z.iso.datetime(),
});
const RotationFile = z.strictObject({ statement: RotationBody, signedBy: HqSignature });
type RotationBody = z.infer<typeof RotationBody>;

export interface RotationStatement {
  readonly oldKeyId: string;
  readonly newKey: PublicKeyHandle;
  readonly rotatedAt: string;
  /** The body and signature exactly as read, to be checked against the key a folder pinned. */
  readonly body: RotationBody;
  readonly signedBy: HqSignature;
}

/** HQ's old key vouches for the new one: the file a venue takes to move its pin. */
export function encodeRotationStatement(oldKey: PrivateKeyHandle, newKey: PublicKeyHandle, at: Date): string {
  const statement: RotationBody = {
    format: 'madoguchi-hq-key-rotation',
    version: 1,
    oldKeyId: oldKey.keyId,
    newKey: { keyId: newKey.keyId, publicKey: rawPublicKey(newKey.publicKey).toString('base64') },
    rotatedAt: at.toISOString(),
  };
  return JSON.stringify({ statement, signedBy: signHqDocument(ROTATION_CONTEXT, statement, oldKey) }, null, 2) + '\n';
}

/** Reads a rotation statement's form; whether its signer is to be trusted is the pin's to say. */
export function decodeRotationStatement(text: string): Result<RotationStatement, string> {
  const parsed = RotationFile.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err('事務センター鍵の切り替え通知ではありません（形式が違うか、壊れています）');
  const { statement, signedBy } = parsed.data;
  const publicKey = publicKeyFromRaw('ed25519', Buffer.from(statement.newKey.publicKey, 'base64'));
  if (keyIdOf(publicKey) !== statement.newKey.keyId) return err('切り替え通知の新しい鍵の鍵IDが鍵と一致しません');
  if (signedBy.keyId !== statement.oldKeyId) return err('切り替え通知の署名が、通知に書かれた旧鍵のものではありません');
  return ok({
    oldKeyId: statement.oldKeyId,
    newKey: { role: 'hq', venue: null, alg: 'ed25519', keyId: statement.newKey.keyId, publicKey },
    rotatedAt: statement.rotatedAt,
    body: statement,
    signedBy,
  });
}

export function rotationSignedBy(statement: RotationStatement, key: PublicKeyHandle): boolean {
  return hqDocumentSignedBy(ROTATION_CONTEXT, statement.body, statement.signedBy, key);
}
