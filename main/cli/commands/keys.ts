// madoguchi keys hq|venue|rotate-hq: make HQ's signing key pair or a venue's encryption key pair; move HQ to a
// new signing key with a statement its old key signs, so the venues that pinned the old one can follow.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair } from '../../crypto/key-files';
import { isVenueId, VENUE_IDS, VENUES, type VenueId } from '../../../shared/venues/venues';
import { commitStaged, stageFile } from '../../files/atomic-write';
import { askPassphrase } from '../passphrase';
import { encodeRotationStatement, fingerprintOf } from '../../crypto/hq-key-trust';
import { loadPrivateKey } from '../load-keys';
import { CliError, type CliIo } from '../io';

export function registerKeys(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('鍵の作成（事務センターの署名鍵、会場の暗号化鍵）');
  keys
    .command('hq')
    .description('事務センターの署名鍵ペア（Ed25519）を作成: DIR/hq.key（パスフレーズで保護）と DIR/hq.pub')
    .requiredOption('--out <dir>', '出力先フォルダ')
    .option('--force', '既存の鍵ファイルを上書きする')
    .action(async (opts: { out: string; force?: boolean }) => {
      await writeKeys(io, resolve(io.cwd, opts.out), 'hq', null, opts.force === true);
    });
  keys
    .command('rotate-hq')
    .description(
      '事務センターの署名鍵を切り替える: 新しい鍵ペア DIR/hq.key・DIR/hq.pub と、旧鍵で署名した切り替え通知 DIR/hq-rotation.json（会場で venue trust-hq --rotation）',
    )
    .requiredOption('--old <file>', '今の事務センターの秘密鍵 hq.key')
    .requiredOption('--out <dir>', '新しい鍵の出力先フォルダ（旧鍵とは別のフォルダ）')
    .action(async (opts: { old: string; out: string }) => {
      await rotateHq(io, opts.old, resolve(io.cwd, opts.out));
    });
  keys
    .command('venue')
    .description('会場の暗号化鍵ペア（X25519）を作成: DIR/<venue>.key（パスフレーズで保護）と DIR/<venue>.pub')
    .requiredOption('--venue <venue>', `会場: ${VENUE_IDS.join(' | ')}`)
    .requiredOption('--out <dir>', '出力先フォルダ')
    .option('--force', '既存の鍵ファイルを上書きする')
    .action(async (opts: { venue: string; out: string; force?: boolean }) => {
      if (!isVenueId(opts.venue)) throw new CliError(`会場は ${VENUE_IDS.join(' / ')} のいずれかです: ${opts.venue}`, 2);
      await writeKeys(io, resolve(io.cwd, opts.out), 'venue', opts.venue, opts.force === true);
    });
}

async function writeKeys(io: CliIo, dir: string, role: 'hq' | 'venue', venue: VenueId | null, force: boolean): Promise<void> {
  const name = venue ?? 'hq';
  const keyFile = join(dir, `${name}.key`);
  const pubFile = join(dir, `${name}.pub`);
  if (!force && (existsSync(keyFile) || existsSync(pubFile))) {
    throw new CliError(`${keyFile} または ${pubFile} が既にあります（上書きするには --force）`);
  }
  const label = venue ? `${VENUES[venue].name}の会場鍵` : '事務センター鍵';
  const passphrase = await askPassphrase(io, `${label}のパスフレーズ`, { confirm: true });
  const pair = generateKeyPair(role, venue);
  mkdirSync(dir, { recursive: true });
  commitStaged([
    stageFile(keyFile, encodePrivateKeyFile(pair, passphrase), { mode: 0o600 }),
    stageFile(pubFile, encodePublicKeyFile(pair)),
  ]);
  io.out(`${label}を作成しました（鍵ID ${pair.keyId}）\n  秘密鍵: ${keyFile}\n  公開鍵: ${pubFile}\n`);
  // The fingerprint HQ reads to each venue by phone when the venue pins the key.
  if (role === 'hq') io.out(`  指紋: ${fingerprintOf(pair)}\n`);
}

async function rotateHq(io: CliIo, oldFile: string, dir: string): Promise<void> {
  const keyFile = join(dir, 'hq.key');
  const pubFile = join(dir, 'hq.pub');
  const statementFile = join(dir, 'hq-rotation.json');
  if ([keyFile, pubFile, statementFile].some((f) => existsSync(f)))
    throw new CliError(`${dir} には既に鍵または切り替え通知があります。空のフォルダを指定してください（旧鍵を上書きしないため）`);
  const oldKey = await loadPrivateKey(io, oldFile, 'hq');
  const passphrase = await askPassphrase(io, '新しい事務センター鍵のパスフレーズ', { confirm: true });
  const pair = generateKeyPair('hq', null);
  mkdirSync(dir, { recursive: true });
  commitStaged([
    stageFile(keyFile, encodePrivateKeyFile(pair, passphrase), { mode: 0o600 }),
    stageFile(pubFile, encodePublicKeyFile(pair)),
    stageFile(statementFile, encodeRotationStatement(oldKey, pair, io.clock.now())),
  ]);
  io.out(
    `事務センター鍵を切り替えました（鍵ID ${oldKey.keyId} → ${pair.keyId}）\n  秘密鍵: ${keyFile}\n  公開鍵: ${pubFile}\n` +
      `  切り替え通知: ${statementFile}（各会場で madoguchi venue trust-hq --rotation に指定。旧鍵の署名つき）\n  新しい鍵の指紋: ${fingerprintOf(pair)}\n`,
  );
}
