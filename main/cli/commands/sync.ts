// madoguchi sync …: a station's side of the daily sync — its identity for HQ, whom it seals to, its files,
// serving them over HTTPS, and (at a venue with several stations) pulling its siblings' files.
import { count } from '../../../shared/numbers';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { VENUES } from '../../../shared/venues/venues';
import { writeFileAtomic } from '../../files/atomic-write';
import {
  decodeVenuePub,
  hqSyncInfo,
  parseStationRegistration,
  registerStation,
  registeredStations,
  recipients,
} from '../../sync/registration';
import { exportSyncFile } from '../../sync/export';
import { encodeHqSyncFile } from '../../sync/hq-sync-file';
import { startOutboxServer } from '../../sync/outbox-server';
import { setUpSync, writeStationRegistration } from '../../sync/station-sync-setup';
import { ensureTlsIdentity, venueKey } from '../../sync/sync-keys';
import { pullAndIngest, pullSources } from '../../sync/pull';
import { openAnyDataFolder, openExistingDataFolder } from '../data-folder';
import { loadPrivateKey, loadPublicKey } from '../load-keys';
import { revokeVenueKey } from '../../hq/venue-key-revocation';
import { registerSyncFilesOf } from './sync-files-of';
import { folderAdministrator } from '../acting-staff';
import { CliError, dateArgument, readInput, type CliIo } from '../io';
import { printPullResults, sourceArgument } from '../pull-output';
import { dayText, tokyoDateTime } from '../../../shared/tokyo-date';
import { revokeStation } from '../../sync/revocation';
import { stationName } from '../../counter/names';

export function registerSync(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const sync = program
    .command('sync')
    .description('日次同期: 端末の同期ファイルの作成・提供・取得（事務センターへ、同じ会場の端末どうし）');

  sync
    .command('identity')
    .description('この端末（または事務センター）の同期用の鍵と証明書を用意し、相手に渡す登録ファイルを書き出す')
    .option('--data <dir>', 'データフォルダ')
    .requiredOption('--out <dir>', '登録ファイルの出力先（会場の端末: <端末ID>.station.json、事務センター: hq-sync.json）')
    .option('--hq-key <file>', '事務センターの秘密鍵 hq.key（事務センター: hq-sync.json に署名する。必須）')
    .action(async (opts: { data?: string; out: string; hqKey?: string }) => {
      const opened = await openAnyDataFolder(io, opts.data);
      try {
        const out = resolve(io.cwd, opts.out);
        if (opened.site === 'hq') {
          if (opts.hqKey === undefined)
            throw new CliError('事務センターの hq-sync.json には署名が必要です: --hq-key hq.key を指定してください', 2);
          const hqKey = await loadPrivateKey(io, opts.hqKey, 'hq');
          mkdirSync(out, { recursive: true });
          const file = join(out, 'hq-sync.json');
          writeFileAtomic(file, encodeHqSyncFile(hqSyncInfo(opened.store.db, opened.store.stationId), hqKey, io.clock.now()));
          io.out(`事務センターの同期鍵: ${file}（署名 鍵ID ${hqKey.keyId}。各端末で madoguchi sync setup --hq に指定します）\n`);
        } else {
          const file = writeStationRegistration(opened.store, out);
          io.out(`端末の登録ファイル: ${file}（事務センターで madoguchi sync register に指定します）\n`);
        }
      } finally {
        opened.store.close();
      }
    });

  sync
    .command('setup')
    .description(
      '同期ファイルの宛先を設定: 事務センターの hq-sync.json（登録済みの事務センター鍵の署名を確認）と、この会場の鍵（<venue>.key なら同じ会場のほかの端末の記録もアプリで取り込める。<venue>.pub なら送るだけ）',
    )
    .option('--data <dir>', 'データフォルダ')
    .requiredOption('--hq <file>', '事務センターの hq-sync.json')
    .option('--venue-key <file>', 'この会場の秘密鍵 <venue>.key（暗号化されたデータフォルダに保管）')
    .option('--venue-pub <file>', 'この会場の公開鍵 <venue>.pub（--venue-key の代わりに）')
    .option('--replace', '設定済みの宛先を入れ替える（事務センターや会場の鍵が変わったとき）')
    .action(async (opts: { data?: string; hq: string; venueKey?: string; venuePub?: string; replace?: boolean }) => {
      if ((opts.venueKey === undefined) === (opts.venuePub === undefined))
        throw new CliError('--venue-key か --venue-pub のどちらか一方を指定してください', 2);
      const hqText = readInput(io, opts.hq, '事務センターの同期鍵').toString('utf8');
      let pub;
      if (opts.venuePub !== undefined) {
        const decoded = decodeVenuePub(readInput(io, opts.venuePub, '会場の公開鍵').toString('utf8'));
        if (!decoded.ok) throw new CliError(`${opts.venuePub}: ${decoded.error.message}`);
        pub = decoded.value;
      }
      const key = opts.venueKey === undefined ? null : await loadPrivateKey(io, opts.venueKey, 'venue');
      const store = await openExistingDataFolder(io, opts.data);
      try {
        const r = setUpSync(store, hqText, pub ?? key!, opts.replace === true);
        if (!r.ok) {
          if (r.error.about === 'hq-sync') throw new CliError(`${opts.hq}: ${r.error.message}`);
          if (r.error.about === 'replace')
            throw new CliError(`${r.error.message}事務センターから鍵の変更を聞いているなら --replace をつけて実行してください`);
          throw new CliError(r.error.message);
        }
        const { hq, venuePub, changes } = r.value;
        io.out(
          `同期の宛先を設定しました: 事務センター（鍵ID ${hq.inbox.keyId}）、${VENUES[store.venue].name}（鍵ID ${venuePub.keyId}${key ? '、秘密鍵を保管' : ''}）\n` +
            (changes.length ? changes.map((w) => `  ${w}\n`).join('') : '  宛先の変更はありません\n'),
        );
      } finally {
        store.close();
      }
    });

  sync
    .command('register')
    .description('端末の登録ファイルを登録し、その端末の同期ファイルを受け入れる（事務センター: 全端末、会場: 同じ会場のほかの端末）')
    .argument('<file>', '<端末ID>.station.json')
    .option('--data <dir>', 'データフォルダ（事務センターまたは会場）')
    .option('--source <folderOrUrl>', 'その端末の同期ファイルの取得元（共有フォルダ、または https://host:port）')
    .action(async (file: string, opts: { data?: string; source?: string }) => {
      const reg = parseStationRegistration(readInput(io, file, '端末の登録').toString('utf8'));
      if (!reg.ok) throw new CliError(`${file}: ${reg.error.message}`);
      const opened = await openAnyDataFolder(io, opts.data);
      try {
        const site = { venue: opened.site, stationId: opened.store.stationId };
        const source = opts.source === undefined ? null : sourceArgument(io, opts.source);
        const r = registerStation(opened.store.db, io.clock, site, reg.value, source);
        if (!r.ok) throw new CliError(r.error.message);
        io.out(
          `${r.value.status === 'registered' ? '登録しました' : '更新しました'}: ${reg.value.stationId}（${VENUES[reg.value.venue].name}、署名鍵ID ${reg.value.signingKey.keyId}）${source ? `  取得元 ${source}` : ''}\n`,
        );
        if (r.value.previousTlsFingerprint)
          io.err(
            `注意: ${reg.value.stationId} の証明書の指紋が変わりました（${r.value.previousTlsFingerprint.slice(0, 16)}… → ${reg.value.tls.fingerprint.slice(0, 16)}…）。端末の入れ替えでなければ登録ファイルの出どころを確認してください\n`,
          );
      } finally {
        opened.store.close();
      }
    });

  sync
    .command('revoke')
    .description(
      '鍵をなくした端末（盗難・紛失）を取り消す: 以後その端末の鍵で署名された同期ファイルは取り込まず、要確認として記録する（それまでに取り込んだファイルは残す）。--venue-pub なら、鍵を作り直した会場の古い公開鍵を取り消す（事務センター: 以後その鍵には台帳を作らない）',
    )
    .option('--station <id>', '取り消す端末の端末ID')
    .option('--venue-pub <file>', '取り消す会場の古い公開鍵 <venue>.pub（事務センターのデータフォルダで）')
    .requiredOption('--reason <text>', '取り消しの理由（記録に残ります）')
    .option('--data <dir>', 'データフォルダ（事務センター、または同じ会場の端末を取り込む端末）')
    .option('--staff <id>', '取り消す事務センター職員（会場では会場責任者）の職員ID。PINは端末で入力、または MADOGUCHI_PIN')
    .action(async (opts: { station?: string; venuePub?: string; reason: string; data?: string; staff?: string }) => {
      if ((opts.station === undefined) === (opts.venuePub === undefined))
        throw new CliError('--station か --venue-pub のどちらか一方を指定してください', 2);
      const pub = opts.venuePub === undefined ? null : loadPublicKey(io, opts.venuePub, 'venue');
      const opened = await openAnyDataFolder(io, opts.data);
      try {
        // Who revoked, as a person (issue 14): HQ's staff, or the venue's lead, by id and PIN.
        const actor = await folderAdministrator(io, opened.store.db, opts.staff, '取り消し');
        if (pub) {
          if (opened.site !== 'hq') throw new CliError('会場の鍵の取り消しは事務センターのデータフォルダで行います（--data hq-data）');
          const r = revokeVenueKey(opened.store.db, io.clock, pub, opts.reason, actor);
          if (!r.ok) throw new CliError(r.error.message);
          io.out(
            r.value.status === 'already-revoked'
              ? `${VENUES[r.value.venue].name}の会場鍵（鍵ID ${r.value.keyId}）は取り消し済みです（${tokyoDateTime(r.value.at)}、変更なし）\n`
              : `${VENUES[r.value.venue].name}の会場鍵（鍵ID ${r.value.keyId}）を取り消しました: 以後 ledger build --hq-data はこの鍵に台帳を作りません\n`,
          );
          return;
        }
        const r = revokeStation(opened.store.db, io.clock, opts.station!, opts.reason, actor);
        if (!r.ok) throw new CliError(r.error.message);
        const name = stationName(opened.store, r.value.stationId);
        io.out(
          r.value.status === 'already-revoked'
            ? `${name} は取り消し済みです（${tokyoDateTime(r.value.at)}、変更なし）\n`
            : `${name} を取り消しました: ${r.value.keptThroughSeq ? `#${r.value.keptThroughSeq} までのファイルは残し、` : ''}以後この端末の鍵で署名されたファイルは取り込みません\n`,
        );
      } finally {
        opened.store.close();
      }
    });

  sync
    .command('export')
    .description('この端末の同期ファイル（前回以降の記録と申告件数、署名・暗号化済み）を出力フォルダに書き出す')
    .option('--data <dir>', 'データフォルダ')
    .option('--date <YYYY-MM-DD>', '営業日（既定: 今日）')
    .requiredOption('--out <dir>', '出力フォルダ（送信用フォルダ）')
    .action(async (opts: { data?: string; date?: string; out: string }) => {
      const businessDate = opts.date === undefined ? undefined : dateArgument(opts.date);
      const store = await openExistingDataFolder(io, opts.data);
      try {
        const r = exportSyncFile({ store, clock: io.clock }, resolve(io.cwd, opts.out), businessDate ? { businessDate } : {});
        if (!r.ok) throw new CliError(r.error.message);
        io.out(`同期ファイル #${r.value.seq}（${dayText(r.value.businessDate)}、記録 ${count(r.value.events)}）: ${r.value.path}\n`);
      } finally {
        store.close();
      }
    });

  sync
    .command('serve')
    .description('送信用フォルダを HTTPS（相互TLS・証明書固定、読み取り専用）で提供する。Ctrl+C で停止')
    .option('--data <dir>', 'データフォルダ')
    .requiredOption('--outbox <dir>', '送信用フォルダ')
    .option('--listen <host:port>', '待ち受けアドレス', '0.0.0.0:8443')
    .action(async (opts: { data?: string; outbox: string; listen: string }) => {
      const m = /^(.+):(\d{1,5})$/.exec(opts.listen);
      if (!m) throw new CliError('--listen は host:port です', 2);
      // Beside the app on the same counter PC: it reads the keys and whom to allow, then only serves files.
      const store = await openExistingDataFolder(io, opts.data, { share: true });
      let allowed: string[];
      let identity;
      try {
        identity = ensureTlsIdentity(store.db, store.stationId);
        // HQ, and this venue's other stations (which pull each other's files), may pull.
        allowed = [
          ...recipients(store.db).flatMap((r) => (r.tlsFingerprint ? [r.tlsFingerprint] : [])),
          // A revoked station's certificate went with its keys: it pulls nothing more.
          ...registeredStations(store.db).flatMap((s) => (s.tlsFingerprint && !s.revoked ? [s.tlsFingerprint] : [])),
        ];
      } finally {
        store.close();
      }
      if (allowed.length === 0) throw new CliError('取得を許可する相手がいません（madoguchi sync setup / sync register を先に）');
      const server = await startOutboxServer({
        outboxDir: resolve(io.cwd, opts.outbox),
        host: m[1]!,
        port: Number(m[2]),
        identity,
        allowedClientFingerprints: allowed,
        log: (l) => io.err(`${l}\n`),
      });
      const host = m[1] === '0.0.0.0' || m[1] === '::' ? '<このPCのアドレス>' : m[1];
      io.out(
        `送信用フォルダを提供しています: https://${host}:${server.port}（取得元としてこの形で登録します。許可 ${count(allowed.length)}）\n`,
      );
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close();
    });

  registerSyncFilesOf(sync, io);

  sync
    .command('pull')
    .description('同じ会場のほかの端末の同期ファイルを取り込む（会場の鍵で復号）')
    .option('--data <dir>', 'データフォルダ')
    .option('--venue-key <file>', 'この会場の秘密鍵 <venue>.key（既定: sync setup --venue-key で保管した鍵）')
    .option('--from <folderOrUrl...>', '取得元（既定: 登録した端末の取得元すべて）')
    .action(async (opts: { data?: string; venueKey?: string; from?: string[] }) => {
      const fromFile = opts.venueKey === undefined ? null : await loadPrivateKey(io, opts.venueKey, 'venue');
      const store = await openExistingDataFolder(io, opts.data);
      try {
        if (fromFile && fromFile.venue !== store.venue) throw new CliError(`${opts.venueKey} は${VENUES[fromFile.venue!].name}の鍵です`);
        const key = fromFile ?? venueKey(store.db);
        if (!key) throw new CliError('会場の鍵がありません（--venue-key を指定するか、sync setup --venue-key で保管してください）');
        const sources = pullSources(
          store.db,
          (opts.from ?? []).map((f) => sourceArgument(io, f)),
        );
        if (sources.length === 0)
          throw new CliError('取得元がありません（--from を指定するか、sync register --source で登録してください）');
        const results = await pullAndIngest({ db: store.db, clock: io.clock, recipient: key }, sources);
        printPullResults(io, results, setExit);
      } finally {
        store.close();
      }
    });
}
