// The worker thread's entry: one backup job (backup-jobs.ts) from workerData, its outcome posted back. A fault
// the job does not turn into words (a disk error SQLite throws) goes back as its message and code, so the app
// says it as it would have in its own thread (storage-fault.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { runBackupJob, type BackupJob } from './backup-jobs';

try {
  parentPort!.postMessage({ outcome: runBackupJob(workerData as BackupJob) });
} catch (e) {
  const { message, code } = e as { message?: string; code?: string };
  parentPort!.postMessage({ threw: { message: String(message), code: code ?? null } });
}
