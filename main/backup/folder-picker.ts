// Choosing the backup folder with the OS's own folder dialog: Electron has one (main/electron/folder-picker.ts),
// browser mode none (the lead types the path). A port, so the page's channel is tested with a fake.
export interface FolderPicker {
  /** The folder the person chose, starting at `from` (the folder set, if any); null when they cancelled. */
  choose(from: string | null): Promise<string | null>;
}
