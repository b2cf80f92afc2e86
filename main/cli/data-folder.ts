// Opening a data folder from the command line: --data, MADOGUCHI_DATA_DIR or the default. Venue commands
// open a venue's folder; staff and settings work on any folder, headquarters' too.
import type { VenueId } from '../../shared/venues/venues';
import { siteName, VENUES } from '../../shared/venues/venues';
import {
  createDataFolder,
  createVenueDataFolder,
  dataFolderExists,
  openDataFolder,
  peekDataFolder,
  type HqStore,
  type OpenedFolder,
  type VenueStore,
} from '../store/data-folder';
import { resolveDataDir } from '../store/app-folders';
import { askPassphrase } from './passphrase';
import { CliError, type CliIo } from './io';

/**
 * `share`: the command only reads (status, a report), and opens beside a program that owns the folder (the app,
 * `serve`); any other command owns it while it runs, and is refused if another program does (FOLDER-IN-USE).
 */
interface OpenFor {
  readonly share?: boolean;
}

/** A venue's or headquarters' folder, whichever the directory holds. */
export async function openAnyDataFolder(io: CliIo, dataOption: string | undefined, options: OpenFor = {}): Promise<OpenedFolder> {
  const dir = resolveDataDir(dataOption, io.env);
  const peek = peekDataFolder(dir);
  if (!peek.ok) {
    // The default folder, not there: say how to name one.
    const unnamed = peek.error.code === 'no-data-folder' && dataOption === undefined && !io.env.MADOGUCHI_DATA_DIR;
    throw new CliError(`${peek.error.message}${unnamed ? '\n  --data <フォルダ> か環境変数 MADOGUCHI_DATA_DIR で指定します' : ''}`);
  }
  const passphrase = await askPassphrase(io, `データフォルダ（${siteName(peek.value.site)}）のパスフレーズ`);
  const opened = openDataFolder(dir, passphrase, options);
  if (!opened.ok) throw new CliError(`${dir}: ${opened.error.message}`);
  return opened.value;
}

export async function openExistingDataFolder(io: CliIo, dataOption: string | undefined, options: OpenFor = {}): Promise<VenueStore> {
  const opened = await openAnyDataFolder(io, dataOption, options);
  if (opened.site === 'hq') {
    opened.store.close();
    throw new CliError(`${opened.store.dir} は${siteName('hq')}のデータフォルダです。会場のデータフォルダを指定してください`);
  }
  return opened.store;
}

/** A venue's first import creates its data folder; later imports must match its venue. */
export async function openOrCreateDataFolder(io: CliIo, dataOption: string | undefined, venue: VenueId): Promise<VenueStore> {
  const dir = resolveDataDir(dataOption, io.env);
  if (dataFolderExists(dir)) {
    const store = await openExistingDataFolder(io, dir);
    if (store.venue !== venue) {
      store.close();
      throw new CliError(`${dir} は${VENUES[store.venue].name}のデータフォルダです（会場鍵は${VENUES[venue].name}用）`);
    }
    return store;
  }
  const passphrase = await askPassphrase(io, `新しいデータフォルダ（${VENUES[venue].name}）のパスフレーズ`, { confirm: true });
  const store = createVenueDataFolder(dir, venue, passphrase);
  io.err(`データフォルダを作成しました: ${dir}（${VENUES[venue].name}、端末ID ${store.stationId}）\n`);
  return store;
}

/** Headquarters' folder (--hq-data): created by the first ledger build that names it. */
export async function openOrCreateHqFolder(io: CliIo, dirOption: string): Promise<HqStore> {
  const dir = resolveDataDir(dirOption, io.env);
  if (dataFolderExists(dir)) {
    const opened = await openAnyDataFolder(io, dir);
    if (opened.site !== 'hq') {
      opened.store.close();
      throw new CliError(`${dir} は${siteName(opened.site)}のデータフォルダです（--hq-data には事務センターのデータフォルダを指定します）`);
    }
    return opened.store;
  }
  const passphrase = await askPassphrase(io, `新しい${siteName('hq')}のデータフォルダのパスフレーズ`, { confirm: true });
  const opened = createDataFolder(dir, 'hq', passphrase);
  io.err(`${siteName('hq')}のデータフォルダを作成しました: ${dir}（端末ID ${opened.store.stationId}）\n`);
  return opened.store as HqStore;
}

/** Headquarters' existing folder (--hq-data). */
export async function openHqFolder(io: CliIo, dirOption: string | undefined, options: OpenFor = {}): Promise<HqStore> {
  const opened = await openAnyDataFolder(io, dirOption, options);
  if (opened.site !== 'hq') {
    opened.store.close();
    throw new CliError(
      `${opened.store.dir} は${siteName(opened.site)}のデータフォルダです（--hq-data には事務センターのデータフォルダを指定します）`,
    );
  }
  return opened.store;
}
