// A backup made or checked as one self-contained job: the database file and its key in, the outcome out, on a
// connection of the job's own. So the running app can hand the job to a worker thread (backup-thread.ts) and go
// on serving its counter for the seconds a year's folder takes to copy and read back (bench --only backup),
// while the command line and the tests run the same job in their own thread.
import { openDatabaseReadOnly } from '../db/connection';
import { fixedClock } from '../clock';
import type { SiteId } from '../../shared/venues/venues';
import type { Result } from '../../shared/result';
import { createBackup, type BackupMade, type BackupProblem } from './create-backup';
import { verifyBackup, type BackupChecked } from './verify-backup';
import type { BackupBody } from './manifest';

interface JobSource {
  /** The live database file, read on the job's own connection (a consistent snapshot while others write). */
  readonly dbFile: string;
  /** The folder's database key; the job's connection is keyed with it, and it is zeroed when the job ends. */
  readonly key: Uint8Array;
  readonly dir: string;
  readonly site: SiteId;
  readonly stationId: string;
}

interface CreateJob extends JobSource {
  readonly kind: 'create';
  readonly actor: string;
  readonly destination: string;
  readonly reason: BackupBody['reason'];
  readonly keep: number;
  /** When the backup is made (the app's clock, read where the job was asked for). */
  readonly at: string;
}

interface VerifyJob extends Omit<JobSource, 'dbFile' | 'dir'> {
  readonly kind: 'verify';
  readonly path: string;
}

export type BackupJob = CreateJob | VerifyJob;
export type VerifyOutcome = Result<BackupChecked, { code: 'bad' | 'wrong-passphrase'; message: string }>;
export type JobOutcome<J extends BackupJob> = J extends CreateJob ? Result<BackupMade, BackupProblem> : VerifyOutcome;

export function runBackupJob<J extends BackupJob>(job: J): JobOutcome<J> {
  const openCopy = (file: string) => openDatabaseReadOnly(file, job.key);
  try {
    if (job.kind === 'verify') return verifyBackup(job.path, { site: job.site, stationId: job.stationId, openCopy }) as JobOutcome<J>;
    const db = openDatabaseReadOnly(job.dbFile, job.key);
    try {
      return createBackup({ dir: job.dir, db, site: job.site, stationId: job.stationId, openCopy }, fixedClock(job.at), {
        actor: job.actor,
        destination: job.destination,
        reason: job.reason,
        keep: job.keep,
      }) as JobOutcome<J>;
    } finally {
      db.close();
    }
  } finally {
    job.key.fill(0);
  }
}
