// A sync file's body has more than one reader (HQ's inbox, and the venue's own key so the venue lead's
// station can read its sibling stations), so it is encrypted once under a random content key and only that
// 32-byte key is sealed (sealed-box.ts) to each reader. Layout of the sealed body:
//   1 byte             n, the number of recipients (1..MAX_RECIPIENTS)
//   n × 100 bytes      recipient key id (its 16 hex digits as 8 raw bytes) ‖ the content key sealed to that
//                      recipient (32 + SEALED_OVERHEAD = 92 bytes)
//   12 bytes           AES-256-GCM nonce
//   …                  the body JSON encrypted under the content key
//   16 bytes           tag
// The whole of it is covered by the station's signature and the header's bodySha256; the key ids in the table
// must repeat the header's recipients, so nobody has to trial-decrypt to find their slot.
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { open, seal, SEALED_OVERHEAD } from '../crypto/sealed-box';

const CONTENT_KEY = 32;
const NONCE = 12;
const TAG = 16;
const KEY_ID = 8;
const WRAPPED_KEY = CONTENT_KEY + SEALED_OVERHEAD;
const SLOT = KEY_ID + WRAPPED_KEY;
const WRAP_CONTEXT = 'sync-key';
export const MAX_RECIPIENTS = 16;

export interface SyncRecipientKey {
  readonly keyId: string;
  readonly publicKey: KeyObject;
}

export function sealForRecipients(plaintext: Uint8Array, recipients: readonly SyncRecipientKey[], aad: Uint8Array): Buffer {
  if (recipients.length < 1 || recipients.length > MAX_RECIPIENTS) throw new Error(`a sync file needs 1..${MAX_RECIPIENTS} recipients`);
  const key = randomBytes(CONTENT_KEY);
  try {
    const slots = recipients.map((r) => Buffer.concat([Buffer.from(r.keyId, 'hex'), seal(key, r.publicKey, WRAP_CONTEXT, aad)]));
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
    cipher.setAAD(aad);
    const head = Buffer.from([recipients.length]);
    return Buffer.concat([head, ...slots, nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** The key ids of the recipient table in order, or null if the layout cannot hold what it claims. */
export function recipientKeyIds(sealed: Uint8Array): string[] | null {
  const n = sealed[0];
  if (n === undefined || n < 1 || n > MAX_RECIPIENTS || sealed.length < 1 + n * SLOT + NONCE + TAG) return null;
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  return Array.from({ length: n }, (_, i) => buf.subarray(1 + i * SLOT, 1 + i * SLOT + KEY_ID).toString('hex'));
}

export interface SyncRecipientPrivateKey extends SyncRecipientKey {
  readonly privateKey: KeyObject;
}

/** The body plaintext, or why not. Never partial plaintext: bytes released before the tag fails are wiped. */
export function openForRecipient(
  sealed: Uint8Array,
  recipient: SyncRecipientPrivateKey,
  aad: Uint8Array,
): Buffer | 'not-a-recipient' | 'cannot-decrypt' {
  const ids = recipientKeyIds(sealed);
  if (ids === null) return 'cannot-decrypt';
  const slot = ids.indexOf(recipient.keyId);
  if (slot < 0) return 'not-a-recipient';
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const wrappedAt = 1 + slot * SLOT + KEY_ID;
  const key = open(buf.subarray(wrappedAt, wrappedAt + WRAPPED_KEY), recipient.privateKey, recipient.publicKey, WRAP_CONTEXT, aad);
  if (key === null || key.length !== CONTENT_KEY) {
    key?.fill(0);
    return 'cannot-decrypt';
  }
  const bodyAt = 1 + ids.length * SLOT;
  let partial: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(bodyAt, bodyAt + NONCE), { authTagLength: TAG });
    decipher.setAAD(aad);
    decipher.setAuthTag(buf.subarray(buf.length - TAG));
    partial = decipher.update(buf.subarray(bodyAt + NONCE, buf.length - TAG));
    return Buffer.concat([partial, decipher.final()]);
  } catch {
    return 'cannot-decrypt';
  } finally {
    partial?.fill(0);
    key.fill(0);
  }
}
