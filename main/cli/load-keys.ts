// Reading key files for a command, with messages that name the file and what is wrong with it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  decodePrivateKeyFile,
  decodePublicKeyFile,
  peekPrivateKeyFile,
  type PrivateKeyHandle,
  type PublicKeyHandle,
  type KeyRole,
} from '../crypto/key-files';
import { VENUES } from '../../shared/venues/venues';
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
  const r = decodePublicKeyFile(readText(io, file));
  if (!r.ok) throw new CliError(`${file}: ${r.error.message}`);
  if (r.value.role !== role) {
    throw new CliError(`${file}: ${role === 'hq' ? '事務センター' : '会場'}の公開鍵ではありません（${describe(r.value)}）`);
  }
  return r.value;
}

export async function loadPrivateKey(io: CliIo, file: string, role: KeyRole): Promise<PrivateKeyHandle> {
  const text = readText(io, file);
  const peek = peekPrivateKeyFile(text);
  if (!peek.ok) throw new CliError(`${file}: ${peek.error.message}`);
  if (peek.value.role !== role) {
    throw new CliError(`${file}: ${role === 'hq' ? '事務センター' : '会場'}の秘密鍵ではありません（${describe(peek.value)}）`);
  }
  const passphrase = await askPassphrase(io, `${describe(peek.value)}のパスフレーズ`);
  const r = decodePrivateKeyFile(text, passphrase);
  if (!r.ok) throw new CliError(`${file}: ${r.error.message}`);
  return r.value;
}

function describe(k: { role: KeyRole; venue: keyof typeof VENUES | null }): string {
  return k.role === 'hq' ? '事務センター鍵' : `${VENUES[k.venue!].name}の会場鍵`;
}
