// madoguchi keys hq|venue: make HQ's signing key pair or a venue's encryption key pair.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair } from '../../crypto/key-files';
import { isVenueId, VENUE_IDS, VENUES, type VenueId } from '../../../shared/venues/venues';
import { commitStaged, stageFile } from '../../files/atomic-write';
import { askPassphrase } from '../passphrase';
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
}
