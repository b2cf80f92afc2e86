// Reading a key file that must hold one kind of key (HQ's or a venue's), with the reason in words when it does
// not: what `--hq-pub` / `--venue-key` on the command line and the app's first-run setup both say.
import { VENUES } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import {
  decodePublicKeyFile,
  peekPrivateKeyFile,
  type KeyFileProblem,
  type KeyIdentity,
  type KeyRole,
  type PublicKeyHandle,
} from './key-files';

/** 事務センター鍵, or 豊洲シビックセンターの会場鍵. */
export function describeKey(k: Pick<KeyIdentity, 'role' | 'venue'>): string {
  return k.role === 'hq' ? '事務センター鍵' : `${VENUES[k.venue!].name}の会場鍵`;
}

const whose = (role: KeyRole) => (role === 'hq' ? '事務センター' : '会場');

export function publicKeyOfRole(text: string, role: KeyRole): Result<PublicKeyHandle, KeyFileProblem> {
  const r = decodePublicKeyFile(text);
  if (!r.ok) return r;
  if (r.value.role !== role)
    return err({ code: 'not-a-key-file', message: `${whose(role)}の公開鍵ではありません（${describeKey(r.value)}）` });
  return r;
}

/** The private key file's identity, checked to be of `role`, before its passphrase is asked. */
export function privateKeyIdentityOfRole(text: string, role: KeyRole): Result<KeyIdentity, KeyFileProblem> {
  const peek = peekPrivateKeyFile(text);
  if (!peek.ok) return peek;
  if (peek.value.role !== role)
    return err({ code: 'not-a-key-file', message: `${whose(role)}の秘密鍵ではありません（${describeKey(peek.value)}）` });
  return ok(peek.value);
}
