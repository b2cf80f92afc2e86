/** The Electron executable from $ELECTRON_PATH or node_modules/electron/path.txt, or null when not installed. */
export function findElectronBinary(root?: string): string | null;
