// Electron's folder dialog for the backup page: a folder may be made in it (a new one on the USB stick), never a
// file chosen. Main checks whatever comes back before saving it (main/backup/backup-destination.ts).
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { FolderPicker } from '../backup/folder-picker';

export function createFolderPicker(parent: () => BrowserWindow | null): FolderPicker {
  return {
    async choose(from) {
      const options: OpenDialogOptions = {
        title: 'バックアップ先のフォルダを選ぶ',
        buttonLabel: 'このフォルダを選ぶ',
        properties: ['openDirectory', 'createDirectory'],
        ...(from === null ? {} : { defaultPath: from }),
      };
      const owner = parent();
      const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  };
}
