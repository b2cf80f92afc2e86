// madoguchi status: the venue, its shipments and the schema — what support asks for first.
import { count } from '../../../shared/numbers';
import type { Command } from 'commander';
import { venueStatus } from '../../store/status';
import { openAnyDataFolder } from '../data-folder';
import { hqStatus } from '../../hq/hq-status';
import { describeSyncStatus, syncStatus } from '../../sync/sync-status';
import type { CliIo } from '../io';
import { tokyoDateTime } from '../../../shared/tokyo-date';
import { ownStationName, stationName, staffOnPaper } from '../../counter/names';
import { freeSpaceText, staffText } from '../text';
import { dataFolderFreeSpace } from '../../store/free-space';
import { revokedVenueKeys } from '../../hq/venue-key-revocation';
import { VENUES } from '../../../shared/venues/venues';
import { folderHasOsSlot } from '../../store/os-key-slot';

/** Whether the keyring holds an OS slot (この端末で自動的に開く): a fact about the folder, never its secret. */
function autoOpenText(dir: string): string {
  return `この端末で自動的に開く: ${folderHasOsSlot(dir) ? 'オン（keyring.json に OS の資格情報で保護した鍵があります）' : 'オフ'}\n`;
}

export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('データフォルダの状態（会場、取込済みの出荷と件数・ファイルハッシュ、スキーマ版）。個人情報は表示しません')
    .option('--data <dir>', 'データフォルダ（既定: MADOGUCHI_DATA_DIR またはアプリのユーザーデータフォルダ）')
    .option('--json', 'JSONで出力')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const opened = await openAnyDataFolder(io, opts.data, { share: true });
      if (opened.site === 'hq') {
        try {
          const h = hqStatus(opened.store);
          const sync = syncStatus(opened.store.db);
          const freeSpace = dataFolderFreeSpace(h.dataDir);
          const revokedKeys = revokedVenueKeys(opened.store.db);
          const autoOpen = folderHasOsSlot(h.dataDir);
          if (opts.json)
            return void io.out(JSON.stringify({ ...h, freeSpace, sync, revokedVenueKeys: revokedKeys, autoOpen }, null, 2) + '\n');
          io.out(`事務センター  端末ID: ${h.stationId}\nデータフォルダ: ${h.dataDir}\n${freeSpaceText(freeSpace)}`);
          io.out(autoOpenText(h.dataDir));
          io.out(`データベースの版（スキーマ版）: ${h.schemaVersion}\n作成した台帳:\n`);
          for (const l of h.ledgers)
            io.out(
              `  ${l.shipmentId}  ${l.venueName}  ${count(l.rowCount)}  sha256:${l.fileSha256.slice(0, 16)}…  作成 ${tokyoDateTime(l.createdAt)}  ${
                l.receipt
                  ? `預り証 ${tokyoDateTime(l.receipt.at)} ${stationName(opened.store, l.receipt.stationId)}・${l.receipt.by}`
                  : '預り証待ち'
              }\n`,
            );
          if (h.ledgers.length === 0) io.out('  （まだありません）\n');
          for (const line of describeSyncStatus(sync, (id) => stationName(opened.store, id))) io.out(`${line}\n`);
          for (const k of revokedKeys)
            io.out(`取り消した会場鍵: ${VENUES[k.venue].name} 鍵ID ${k.keyId}（${tokyoDateTime(k.at)}、${k.reason}）\n`);
        } finally {
          opened.store.close();
        }
        return;
      }
      const store = opened.store;
      try {
        const s = venueStatus(store);
        const sync = syncStatus(store.db);
        if (opts.json) {
          io.out(JSON.stringify({ ...s, sync, autoOpen: folderHasOsSlot(s.dataDir) }, null, 2) + '\n');
          return;
        }
        // The station by the name its staff know it by; its id beside it, which support and the sync files use.
        io.out(
          `会場: ${s.venueName}（${s.venue}）  端末: ${ownStationName(store)}（端末ID ${s.stationId}）\nデータフォルダ: ${s.dataDir}\n`,
        );
        io.out(freeSpaceText(s.freeSpace));
        io.out(autoOpenText(s.dataDir));
        io.out(`データベースの版（スキーマ版）: ${s.schemaVersion}（このアプリは ${s.supportedSchemaVersion} まで対応）\n`);
        io.out(
          s.hqKey
            ? `事務センター鍵: 鍵ID ${s.hqKey.keyId}（${tokyoDateTime(s.hqKey.pinnedAt)} 登録、指紋 ${s.hqKey.fingerprint}）\n`
            : '事務センター鍵: 未登録（最初の台帳の取込、または madoguchi venue trust-hq で登録）\n',
        );
        io.out(`台帳の件数: ${count(s.cards)}  記録（イベント）: ${count(s.events)}\n出荷:\n`);
        for (const sh of s.shipments) {
          io.out(
            `  ${sh.shipmentId}  ${count(sh.rowCount)}  sha256:${sh.fileSha256.slice(0, 16)}…  取込 ${tokyoDateTime(sh.importedAt)}（${staffText(staffOnPaper(store, sh.importedBy))}）\n`,
          );
        }
        if (s.shipments.length === 0) io.out('  （まだありません）\n');
        for (const line of describeSyncStatus(sync, (id) => stationName(store, id))) io.out(`${line}\n`);
      } finally {
        store.close();
      }
    });
}
