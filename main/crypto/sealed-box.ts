// Encryption to a venue's public key: ephemeral X25519 → HKDF-SHA256 → AES-256-GCM.
// Built on Node's native primitives (also present in Electron's BoringSSL, unlike ChaCha20-Poly1305),
// synchronous and fast enough to open a 40,000-card ledger in milliseconds.
// Layout: ephemeral public key (32) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { publicKeyFromRaw, rawPublicKey } from './key-files';

const EPHEMERAL = 32;
const NONCE = 12;
const TAG = 16;
export const SEALED_OVERHEAD = EPHEMERAL + NONCE + TAG;

function deriveKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer, context: string): Buffer {
  const salt = Buffer.concat([ephemeralRaw, recipientRaw]);
  return Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from(`madoguchi/sealed-box/v1 ${context}`), 32));
}

export function seal(plaintext: Uint8Array, recipient: KeyObject, context: string, aad: Uint8Array): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const key = deriveKey(shared, ephemeralRaw, rawPublicKey(recipient), context);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
  cipher.setAAD(aad);
  const out = Buffer.concat([ephemeralRaw, nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  shared.fill(0);
  return out;
}

/** Returns the plaintext, or null if the box was not sealed to this key or was altered. Never partial plaintext. */
export function open(
  sealed: Uint8Array,
  recipient: KeyObject,
  recipientPublic: KeyObject,
  context: string,
  aad: Uint8Array,
): Buffer | null {
  if (sealed.length < SEALED_OVERHEAD) return null;
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const ephemeralRaw = buf.subarray(0, EPHEMERAL);
  const nonce = buf.subarray(EPHEMERAL, EPHEMERAL + NONCE);
  const body = buf.subarray(EPHEMERAL + NONCE, buf.length - TAG);
  const tag = buf.subarray(buf.length - TAG);
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: recipient, publicKey: publicKeyFromRaw('x25519', ephemeralRaw) });
  } catch {
    return null;
  }
  const key = deriveKey(shared, Buffer.from(ephemeralRaw), rawPublicKey(recipientPublic), context);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    // update() can release bytes of a forged ciphertext before final() rejects it: keep them private
    // until the tag checks out.
    const out = Buffer.concat([decipher.update(body), decipher.final()]);
    return out;
  } catch {
    return null;
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}
