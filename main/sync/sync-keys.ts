// A folder's sync keys, made once at provisioning and kept inside its encrypted database: a station's Ed25519
// signing key, HQ's X25519 inbox key, and either side's TLS identity for pulling over the VPN. Private keys
// never leave the database; what others need goes out in a registration file (registration.ts).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db } from '../db/connection';
import { addSyncKey, replaceSyncKey, syncKey } from '../db/queries/sync-keys';
import { keyIdOf } from '../crypto/key-files';
import { generateTlsIdentity, type TlsIdentity } from './tls-identity';
import { writeTransaction } from '../db/transaction';

export interface KeyPair {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function loadPair(db: Db, name: string): KeyPair | null {
  const der = syncKey(db, name);
  if (der === undefined) return null;
  const privateKey = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

function ensurePair(db: Db, name: string, alg: 'ed25519' | 'x25519'): KeyPair {
  const existing = loadPair(db, name);
  if (existing) return existing;
  const { privateKey } = alg === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  addSyncKey(db, name, privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  return loadPair(db, name)!;
}

/** A station's signing key for its sync files; made on first use, the same ever after. */
export function ensureSigningKey(db: Db): KeyPair {
  return writeTransaction(db, () => ensurePair(db, 'signing-key', 'ed25519'));
}

export function signingKey(db: Db): KeyPair | null {
  return loadPair(db, 'signing-key');
}

/** HQ's inbox key: every station seals its files to it. */
export function ensureInboxKey(db: Db): KeyPair {
  return writeTransaction(db, () => ensurePair(db, 'inbox-key', 'x25519'));
}

export function inboxKey(db: Db): KeyPair | null {
  return loadPair(db, 'inbox-key');
}

/** The folder's TLS identity (client when pulling, server when serving its outbox). */
export function ensureTlsIdentity(db: Db, commonName: string): TlsIdentity {
  return writeTransaction(db, () => {
    const existing = tlsIdentity(db);
    if (existing) return existing;
    const id = generateTlsIdentity(commonName);
    addSyncKey(db, 'tls-identity', JSON.stringify(id));
    return id;
  });
}

export function tlsIdentity(db: Db): TlsIdentity | null {
  const json = syncKey(db, 'tls-identity');
  return json === undefined ? null : (JSON.parse(json) as TlsIdentity);
}

/**
 * The venue's own X25519 key, kept at each of its stations (set up from the venue's key file): it opens the
 * venue's other stations' sync files, so a station takes them in from the app without a key file at hand.
 */
export function storeVenueKey(db: Db, privateKey: KeyObject): KeyPair {
  replaceSyncKey(db, 'venue-key', privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  return loadPair(db, 'venue-key')!;
}

export function venueKey(db: Db): KeyPair | null {
  return loadPair(db, 'venue-key');
}
