// Opening a venue's data folder from the command line: --data, MADOGUCHI_DATA_DIR or the default.
import type { VenueId } from '../../shared/venues/venues';
import { VENUES } from '../../shared/venues/venues';
import { createVenueDataFolder, dataFolderExists, openVenueDataFolder, peekDataFolder, resolveDataDir, type VenueStore } from '../venue/data-folder';
import { askPassphrase } from './passphrase';
import { CliError, type CliIo } from './io';

export async function openExistingDataFolder(io: CliIo, dataOption: string | undefined): Promise<VenueStore> {
  const dir = resolveDataDir(dataOption, io.env);
  const peek = peekDataFolder(dir);
  if (!peek.ok) throw new CliError(peek.error.message);
  const passphrase = await askPassphrase(io, `データフォルダ（${VENUES[peek.value.venue].name}）のパスフレーズ`);
  const opened = openVenueDataFolder(dir, passphrase);
  if (!opened.ok) throw new CliError(`${dir}: ${opened.error.message}`);
  return opened.value;
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
