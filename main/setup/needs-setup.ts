// Whether a station is new: where its data folder should be there is nothing, or an empty folder (made by an
// installer or a person). Anything else — a keyring, a database, a stray file — is never set up over: the window
// shows the unlock screen, and support looks.
import { readdirSync, statSync } from 'node:fs';

export function needsSetup(dataDir: string): boolean {
  try {
    return statSync(dataDir).isDirectory() && readdirSync(dataDir).length === 0;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT';
  }
}
