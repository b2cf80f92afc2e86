// A venue's folder pins HQ's signing key: the first key it is given (at the first ledger import, or with
// `madoguchi venue trust-hq`) is kept in the folder's encrypted database, and from then on only a ledger or a
// provisioning file signed by that key is taken in. Before issue 14 whatever hq.pub came with a file was
// believed, so a ledger built with a freshly made key imported as if HQ had sent it. The pin moves only by a
// rotation statement signed by the pinned key.
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import type { Db } from '../db/connection';
import { metaValue, putMeta } from '../db/queries/meta';
import { writeTransaction } from '../db/transaction';
import type { Clock } from '../clock';
import { parseJsonOrUndefined } from '../files/safe-json';
import { publicKeyFromRaw, rawPublicKey, type PublicKeyHandle } from './key-files';
import { rotationSignedBy, shortFingerprint, type RotationStatement } from './hq-key-trust';

const PIN = 'hq-signing-key';

const Pinned = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string(),
  pinnedAt: z.string(),
  via: z.enum(['first-import', 'trust-hq', 'rotation']),
});
export type PinVia = z.infer<typeof Pinned>['via'];

export interface PinnedHqKey {
  readonly key: PublicKeyHandle;
  readonly pinnedAt: string;
  readonly via: PinVia;
}

/** A pin to write with whatever it was decided for (the import's transaction), or null to leave it. */
export interface PinChange {
  readonly key: PublicKeyHandle;
  readonly via: PinVia;
  readonly from: string | null;
}

export interface PinProblem {
  readonly code: 'hq-key-mismatch' | 'rotation-refused' | 'not-pinned';
  readonly message: string;
}

export function pinnedHqKey(db: Db): PinnedHqKey | null {
  const text = metaValue(db, PIN);
  if (text === undefined) return null;
  const p = Pinned.parse(parseJsonOrUndefined(text));
  const publicKey = publicKeyFromRaw('ed25519', Buffer.from(p.publicKey, 'base64'));
  return { key: { role: 'hq', venue: null, alg: 'ed25519', keyId: p.keyId, publicKey }, pinnedAt: p.pinnedAt, via: p.via };
}

export function writePin(db: Db, change: PinChange, at: Date): void {
  const value: z.infer<typeof Pinned> = {
    keyId: change.key.keyId,
    publicKey: rawPublicKey(change.key.publicKey).toString('base64'),
    pinnedAt: at.toISOString(),
    via: change.via,
  };
  putMeta(db, PIN, JSON.stringify(value));
}

function sameKey(a: PublicKeyHandle, b: PublicKeyHandle): boolean {
  return a.keyId === b.keyId && rawPublicKey(a.publicKey).equals(rawPublicKey(b.publicKey));
}

export function mismatchMessage(pinned: PublicKeyHandle, offered: { keyId: string }): string {
  return (
    `事務センターの鍵が、このデータフォルダに登録された鍵と違います（登録済み ${shortFingerprint(pinned.keyId)}、` +
    `今回 ${shortFingerprint(offered.keyId)}）。何も取り込んでいません。事務センターに電話して鍵の指紋を確かめてください。` +
    `事務センターが鍵を切り替えたのなら、切り替え通知を madoguchi venue trust-hq --rotation で取り込んでください`
  );
}

/**
 * Which HQ key to check a file against, decided in memory: the pinned key, moved along any rotation
 * statements offered (each must be signed by the key before it); with no pin yet, the key offered, to be
 * pinned with what is taken in. An offered key other than the one this arrives at is refused.
 */
export function resolveHqKey(
  db: Db,
  offered: PublicKeyHandle | null,
  rotations: readonly RotationStatement[] = [],
  firstVia: PinVia = 'first-import',
): Result<{ key: PublicKeyHandle; change: PinChange | null }, PinProblem> {
  const pinned = pinnedHqKey(db);
  if (!pinned) {
    if (!offered)
      return err({
        code: 'not-pinned',
        message: '事務センターの鍵がまだ登録されていません。事務センターの公開鍵 hq.pub を指定してください（--hq-pub）',
      });
    if (rotations.length > 0)
      return err({
        code: 'rotation-refused',
        message: '事務センターの鍵がまだ登録されていないため、切り替え通知は使えません。新しい hq.pub を指定してください',
      });
    return ok({ key: offered, change: { key: offered, via: firstVia, from: null } });
  }
  let current = pinned.key;
  for (const r of rotations) {
    if (sameKey(current, r.newKey)) continue;
    if (r.oldKeyId !== current.keyId || !rotationSignedBy(r, current))
      return err({
        code: 'rotation-refused',
        message:
          `切り替え通知が、登録済みの事務センター鍵（${shortFingerprint(current.keyId)}）で署名されていません` +
          `（通知の旧鍵 ${shortFingerprint(r.oldKeyId)}）。何も変えていません。事務センターに確認してください`,
      });
    current = r.newKey;
  }
  if (offered && !sameKey(current, offered)) return err({ code: 'hq-key-mismatch', message: mismatchMessage(current, offered) });
  const change = sameKey(current, pinned.key) ? null : { key: current, via: 'rotation' as const, from: pinned.key.keyId };
  return ok({ key: current, change });
}

/**
 * `venue trust-hq`: pins HQ's key on a folder that has none, or moves the pin along rotation statements.
 * `replace`: HQ's old key is gone (lost, or possibly stolen, so no statement of it can be trusted): the key
 * offered replaces the pin outright, as at provisioning, on the lead's word after checking it by phone.
 */
export function trustHqKey(
  db: Db,
  clock: Clock,
  offered: PublicKeyHandle | null,
  rotations: readonly RotationStatement[],
  replace = false,
): Result<{ key: PublicKeyHandle; change: PinChange | null }, PinProblem> {
  const pinned = pinnedHqKey(db);
  const r: ReturnType<typeof resolveHqKey> =
    replace && offered && pinned && rotations.length === 0
      ? ok({ key: offered, change: sameKey(pinned.key, offered) ? null : { key: offered, via: 'trust-hq', from: pinned.key.keyId } })
      : resolveHqKey(db, offered, rotations, 'trust-hq');
  if (r.ok && r.value.change) writeTransaction(db, () => writePin(db, r.value.change!, clock.now()));
  return r;
}
