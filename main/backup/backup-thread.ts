// Where the app's backup jobs run: in a worker thread (the app), or right here (the command line, tests). One
// job at a time per station, in the order asked: a second 今すぐバックアップ waits for the first.
import { Worker } from 'node:worker_threads';
import { runBackupJob, type BackupJob, type JobOutcome } from './backup-jobs';

export interface BackupThread {
  run<J extends BackupJob>(job: J): Promise<JobOutcome<J>>;
}

/** The job in the caller's own thread (the command line, which has nothing else to serve, and tests). */
export function sameThread(): BackupThread {
  return queued(async (job) => runBackupJob(job));
}

/**
 * Each job in a fresh worker thread running `workerFile` (backup-worker.ts, or its bundle beside the Electron
 * main): nothing of a job outlives it, and the key it was given dies with the thread.
 */
export function workerThread(workerFile: URL | string, execArgv: readonly string[] = []): BackupThread {
  return queued(
    (job) =>
      new Promise((settle, fail) => {
        // The key is copied into the worker; ours is zeroed at once.
        const worker = new Worker(workerFile, { workerData: { ...job, key: Uint8Array.from(job.key) }, execArgv: [...execArgv] });
        job.key.fill(0);
        let answered = false;
        worker.once('message', (m: { outcome?: unknown; threw?: { message: string; code: string | null } }) => {
          answered = true;
          if (m.threw) fail(Object.assign(new Error(m.threw.message), m.threw.code === null ? {} : { code: m.threw.code }));
          else settle(m.outcome as never);
        });
        worker.once('error', (e) => fail(e));
        worker.once('exit', (code) => {
          if (!answered) fail(new Error(`backup worker ended without an answer (exit ${code})`));
        });
      }),
  );
}

function queued(run: (job: BackupJob) => Promise<unknown>): BackupThread {
  let last: Promise<unknown> = Promise.resolve();
  return {
    run<J extends BackupJob>(job: J) {
      const next = last.then(
        () => run(job),
        () => run(job),
      );
      last = next.catch(() => {});
      return next as Promise<JobOutcome<J>>;
    },
  };
}
