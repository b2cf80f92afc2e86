// Sealing a small secret (a private key, a database key) under a passphrase: scrypt → AES-256-GCM.
// Reading caps the scrypt cost, so a crafted file can neither exhaust memory nor be made trivially weak.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

// OWASP's floor for scrypt (N=2^17, r=8, p=1): about 0.4 s on this class of machine.
const WRITE_PARAMS = { logN: 17, r: 8, p: 1 } as const;
const MIN_LOG_N = 15;
const MAX_LOG_N = 20;
const MIN_PASSPHRASE_LENGTH = 8;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const PassphraseSealed = z.strictObject({
  kdf: z.strictObject({ name: z.literal('scrypt'), logN: z.number().int(), r: z.number().int(), p: z.number().int(), salt: b64 }),
  cipher: z.literal('aes-256-gcm'),
  iv: b64,
  sealed: b64,
});
export type PassphraseSealed = z.infer<typeof PassphraseSealed>;

export function passphraseProblem(passphrase: string): string | null {
  return passphrase.length >= MIN_PASSPHRASE_LENGTH ? null : `パスフレーズは${MIN_PASSPHRASE_LENGTH}文字以上にしてください`;
}

export function sealWithPassphrase(secret: Uint8Array, passphrase: string, aad: Uint8Array): PassphraseSealed {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = stretch(passphrase, salt, WRITE_PARAMS);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    cipher.setAAD(aad);
    const sealed = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
    return {
      kdf: { name: 'scrypt', ...WRITE_PARAMS, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      sealed: sealed.toString('base64'),
    };
  } finally {
    key.fill(0);
  }
}

export type OpenFailure = 'wrong-passphrase' | 'unsafe-parameters';

export function openWithPassphrase(box: PassphraseSealed, passphrase: string, aad: Uint8Array): Buffer | OpenFailure {
  const { logN, r, p } = box.kdf;
  if (logN < MIN_LOG_N || logN > MAX_LOG_N || r < 1 || r > 16 || p < 1 || p > 4) return 'unsafe-parameters';
  const sealed = Buffer.from(box.sealed, 'base64');
  const iv = Buffer.from(box.iv, 'base64');
  if (sealed.length < 17 || iv.length !== 12) return 'wrong-passphrase';
  const key = stretch(passphrase, Buffer.from(box.kdf.salt, 'base64'), { logN, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    return 'wrong-passphrase';
  } finally {
    key.fill(0);
  }
}

function stretch(passphrase: string, salt: Buffer, params: { logN: number; r: number; p: number }): Buffer {
  const N = 2 ** params.logN;
  // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs (128 MiB).
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r });
}
