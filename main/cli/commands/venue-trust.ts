// madoguchi venue trust-hq: pin HQ's signing key in a venue's folder (before its first ledger, or on a folder
// made before pins), show the pin, or move it along HQ's rotation statements.
import type { Command } from 'commander';
import { isVenueId, VENUE_IDS } from '../../../shared/venues/venues';
import { fingerprintOf, shortFingerprint } from '../../crypto/hq-key-trust';
import { pinnedHqKey, trustHqKey } from '../../crypto/hq-pin';
import { dataFolderExists } from '../../store/data-folder';
import { resolveDataDir } from '../../store/app-folders';
import { openExistingDataFolder, openOrCreateDataFolder } from '../data-folder';
import { loadPublicKey } from '../load-keys';
import { currentPinText, loadRotation, pinnedText } from '../hq-trust-text';
import { CliError, type CliIo } from '../io';

export function registerVenueTrust(venue: Command, io: CliIo): void {
  venue
    .command('trust-hq')
    .description(
      '事務センターの署名鍵をデータフォルダに登録する（指紋を表示。電話で事務センターと確かめる）。--rotation で鍵の切り替えを受け入れる。指定なしなら登録済みの鍵を表示',
    )
    .option('--data <dir>', 'データフォルダ')
    .option('--hq-pub <file>', '事務センターの公開鍵 hq.pub')
    .option('--rotation <file...>', '事務センター鍵の切り替え通知（古い順に）')
    .option('--replace', '登録済みの鍵を --hq-pub の鍵に置き換える（事務センターの旧鍵が失われたときだけ。指紋を電話で確かめてから）')
    .option('--venue <venue>', `データフォルダがまだないとき、作る会場: ${VENUE_IDS.join(' | ')}`)
    .action(async (opts: { data?: string; hqPub?: string; rotation?: string[]; venue?: string; replace?: boolean }) => {
      if (opts.replace && (opts.hqPub === undefined || opts.rotation !== undefined))
        throw new CliError('--replace には --hq-pub（新しい鍵）を指定します（--rotation とは一緒に使えません）', 2);
      const offered = opts.hqPub === undefined ? null : loadPublicKey(io, opts.hqPub, 'hq');
      const rotations = (opts.rotation ?? []).map((f) => loadRotation(io, f));
      const dir = resolveDataDir(opts.data, io.env);
      let store;
      if (dataFolderExists(dir)) store = await openExistingDataFolder(io, dir);
      else if (opts.venue === undefined || !offered)
        throw new CliError(`${dir} にデータフォルダがありません（新しく作るには --venue と --hq-pub を指定します）`);
      else if (!isVenueId(opts.venue)) throw new CliError(`会場は ${VENUE_IDS.join(' / ')} のいずれかです: ${opts.venue}`, 2);
      else store = await openOrCreateDataFolder(io, dir, opts.venue);
      try {
        if (!offered && rotations.length === 0) {
          const pin = pinnedHqKey(store.db);
          io.out(
            pin ? currentPinText(pin.key, pin.pinnedAt) : '事務センターの鍵はまだ登録されていません（--hq-pub hq.pub で登録します）\n',
          );
          return;
        }
        const r = trustHqKey(store.db, io.clock, offered, rotations, opts.replace === true);
        if (!r.ok) throw new CliError(r.error.message);
        const { key, change } = r.value;
        if (change?.via === 'trust-hq' && change.from)
          io.out(`登録済みの事務センター鍵を置き換えました（${shortFingerprint(change.from)} → ${shortFingerprint(key.keyId)}）\n`);
        if (change) io.out(pinnedText({ keyId: key.keyId, fingerprint: fingerprintOf(key), via: change.via, from: change.from }));
        else io.out(`この鍵は登録済みです（変更なし）\n  指紋: ${fingerprintOf(key)}\n`);
      } finally {
        store.close();
      }
    });
}
