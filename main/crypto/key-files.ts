// HQ's Ed25519 signing key and each venue's X25519 encryption key, as files staff exchange at provisioning.
// A private key never lies on disk in plaintext: it is sealed with AES-256-GCM under a scrypt-stretched
// passphrase. Public keys are plain JSON with a short id, so a header can say which key it expects.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { openWithPassphrase, PassphraseSealed, sealWithPassphrase } from './passphrase-seal';
import { parseJsonOrUndefined } from '../files/safe-json';

export type KeyRole = 'hq' | 'venue';
export type KeyAlgorithm = 'ed25519' | 'x25519';

export interface KeyIdentity {
  readonly role: KeyRole;
  readonly venue: VenueId | null;
  readonly alg: KeyAlgorithm;
  readonly keyId: string;
}
export interface PublicKeyHandle extends KeyIdentity {
  readonly publicKey: KeyObject;
}
export interface PrivateKeyHandle extends KeyIdentity {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

type KeyFileProblemCode = 'not-a-key-file' | 'wrong-passphrase' | 'unsafe-parameters';
export interface KeyFileProblem {
  readonly code: KeyFileProblemCode;
  readonly message: string;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const PublicKeyFileSchema = z.strictObject({
  format: z.literal('madoguchi-public-key'),
  version: z.literal(1),
  role: z.enum(['hq', 'venue']),
  venue: z.enum(VENUE_IDS).nullable(),
  alg: z.enum(['ed25519', 'x25519']),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: b64,
});

const PrivateKeyFileSchema = z.strictObject({
  format: z.literal('madoguchi-private-key'),
  version: z.literal(1),
  role: z.enum(['hq', 'venue']),
  venue: z.enum(VENUE_IDS).nullable(),
  alg: z.enum(['ed25519', 'x25519']),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  key: PassphraseSealed,
});

export function generateKeyPair(role: KeyRole, venue: VenueId | null): PrivateKeyHandle {
  const alg: KeyAlgorithm = role === 'hq' ? 'ed25519' : 'x25519';
  const { privateKey, publicKey } = alg === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return { role, venue, alg, keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** First 8 bytes of SHA-256 over the raw public key: short enough to read aloud, long enough to tell keys apart. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP public key');
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(alg: KeyAlgorithm, raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: alg === 'ed25519' ? 'Ed25519' : 'X25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

export function encodePublicKeyFile(key: KeyIdentity & { publicKey: KeyObject }): string {
  const file: z.infer<typeof PublicKeyFileSchema> = {
    format: 'madoguchi-public-key',
    version: 1,
    role: key.role,
    venue: key.venue,
    alg: key.alg,
    keyId: key.keyId,
    publicKey: rawPublicKey(key.publicKey).toString('base64'),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export function decodePublicKeyFile(text: string): Result<PublicKeyHandle, KeyFileProblem> {
  const parsed = PublicKeyFileSchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err({ code: 'not-a-key-file', message: 'Madoguchi の公開鍵ファイルではありません' });
  const f = parsed.data;
  const raw = Buffer.from(f.publicKey, 'base64');
  if (raw.length !== 32 || !consistentRole(f.role, f.venue, f.alg)) {
    return err({ code: 'not-a-key-file', message: '公開鍵ファイルの内容が壊れています' });
  }
  const publicKey = publicKeyFromRaw(f.alg, raw);
  if (keyIdOf(publicKey) !== f.keyId) return err({ code: 'not-a-key-file', message: '公開鍵ファイルの鍵IDが鍵と一致しません' });
  return ok({ role: f.role, venue: f.venue, alg: f.alg, keyId: f.keyId, publicKey });
}

export function encodePrivateKeyFile(key: PrivateKeyHandle, passphrase: string): string {
  const meta = { role: key.role, venue: key.venue, alg: key.alg, keyId: key.keyId };
  const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
  // The identity is authenticated too, so a file cannot be relabelled as another venue's key.
  const sealed = sealWithPassphrase(der, passphrase, Buffer.from(JSON.stringify(meta)));
  der.fill(0);
  const file: z.infer<typeof PrivateKeyFileSchema> = { format: 'madoguchi-private-key', version: 1, ...meta, key: sealed };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Cheap look at a private key file's identity, without the passphrase. */
export function peekPrivateKeyFile(text: string): Result<KeyIdentity, KeyFileProblem> {
  const parsed = PrivateKeyFileSchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err({ code: 'not-a-key-file', message: 'Madoguchi の秘密鍵ファイルではありません' });
  const { role, venue, alg, keyId } = parsed.data;
  return ok({ role, venue, alg, keyId });
}

export function decodePrivateKeyFile(text: string, passphrase: string): Result<PrivateKeyHandle, KeyFileProblem> {
  const parsed = PrivateKeyFileSchema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err({ code: 'not-a-key-file', message: 'Madoguchi の秘密鍵ファイルではありません' });
  const f = parsed.data;
  if (!consistentRole(f.role, f.venue, f.alg)) return err({ code: 'not-a-key-file', message: '秘密鍵ファイルの内容が壊れています' });
  const meta = { role: f.role, venue: f.venue, alg: f.alg, keyId: f.keyId };
  const der = openWithPassphrase(f.key, passphrase, Buffer.from(JSON.stringify(meta)));
  if (der === 'unsafe-parameters') return err({ code: 'unsafe-parameters', message: '秘密鍵ファイルの鍵導出パラメータが許容範囲外です' });
  if (der === 'wrong-passphrase')
    return err({ code: 'wrong-passphrase', message: 'パスフレーズが違うか、秘密鍵ファイルが改ざんされています' });
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const publicKey = createPublicKey(privateKey);
  if (privateKey.asymmetricKeyType !== f.alg || keyIdOf(publicKey) !== f.keyId) {
    return err({ code: 'not-a-key-file', message: '秘密鍵ファイルの鍵IDが鍵と一致しません' });
  }
  return ok({ ...meta, privateKey, publicKey });
}

function consistentRole(role: KeyRole, venue: VenueId | null, alg: KeyAlgorithm): boolean {
  return role === 'hq' ? venue === null && alg === 'ed25519' : venue !== null && alg === 'x25519';
}
