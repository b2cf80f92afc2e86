// What the command line says about HQ's pinned signing key, and reading a rotation statement named on it.
import { decodeRotationStatement, fingerprintOf, shortFingerprint, type RotationStatement } from '../crypto/hq-key-trust';
import type { PublicKeyHandle } from '../crypto/key-files';
import type { PinVia } from '../crypto/hq-pin';
import { CliError, readInput, type CliIo } from './io';
import { tokyoDateTime } from '../../shared/tokyo-date';

export function loadRotation(io: CliIo, file: string): RotationStatement {
  const r = decodeRotationStatement(readInput(io, file, '切り替え通知').toString('utf8'));
  if (!r.ok) throw new CliError(`${file}: ${r.error}`);
  return r.value;
}

/** Said when a folder pins HQ's key: the whole fingerprint, for the lead to hear HQ read it by phone. */
export function pinnedText(p: { keyId: string; fingerprint: string; via: PinVia; from: string | null }): string {
  if (p.via === 'rotation')
    return (
      `事務センター鍵の切り替えを受け入れました（${shortFingerprint(p.from ?? '')} → ${shortFingerprint(p.keyId)}）。\n` +
      `  新しい鍵の指紋: ${p.fingerprint}\n`
    );
  return (
    `事務センターの鍵をこのデータフォルダに登録しました。以後はこの鍵で署名された台帳・同期設定ファイルだけを受け入れます。\n` +
    `  指紋: ${p.fingerprint}\n` +
    `  事務センターに電話で指紋を読み上げてもらい、同じか確かめてください（違えば取り込んだものを使わず、事務センターに連絡してください）\n`
  );
}

export function currentPinText(key: PublicKeyHandle, pinnedAt: string): string {
  return `登録済みの事務センター鍵: 鍵ID ${key.keyId}（${tokyoDateTime(pinnedAt)} 登録）\n  指紋: ${fingerprintOf(key)}\n`;
}
