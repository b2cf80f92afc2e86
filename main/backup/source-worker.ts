// The backup worker run from the sources (browser mode's `madoguchi serve`, through tsx): the TypeScript entry,
// with tsx's loader named for the thread (a loader registered through tsx's API is not inherited by workers).
// The Electron build runs its bundled worker instead (main/electron/main.ts).
import { workerThread, type BackupThread } from './backup-thread';

export function sourceWorkerThread(): BackupThread {
  return workerThread(new URL('./backup-worker.ts', import.meta.url), ['--import', import.meta.resolve('tsx')]);
}
