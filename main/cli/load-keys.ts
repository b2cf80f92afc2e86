// Reading key files for a command, with messages that name the file and what is wrong with it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodePrivateKeyFile, type PrivateKeyHandle, type PublicKeyHandle, type KeyRole } from '../crypto/key-files';
import { describeKey, privateKeyIdentityOfRole, publicKeyOfRole } from '../crypto/key-of-role';
import { askPassphrase } from './passphrase';
import { CliError, type CliIo, whyUnreadable } from './io';

function readText(io: CliIo, file: string): string {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new CliError(`${file} を読めません: ${whyUnreadable(e)}`);
  }
}

export function loadPublicKey(io: CliIo, file: string, role: KeyRole): PublicKeyHandle {
  const r = publicKeyOfRole(readText(io, file), role);
  if (!r.ok) throw new CliError(`${file}: ${r.error.message}`);
  return r.value;
}

export async function loadPrivateKey(io: CliIo, file: string, role: KeyRole): Promise<PrivateKeyHandle> {
  const text = readText(io, file);
  // Which key it is comes first (no passphrase is asked for the wrong file).
  const identity = privateKeyIdentityOfRole(text, role);
  if (!identity.ok) throw new CliError(`${file}: ${identity.error.message}`);
  const passphrase = await askPassphrase(io, `${describeKey(identity.value)}のパスフレーズ`);
  const r = decodePrivateKeyFile(text, passphrase);
  if (!r.ok) throw new CliError(`${file}: ${r.error.message}`);
  return r.value;
}
