// How backups are named on the medium: one folder each, the station and the moment in Tokyo time, so a lead
// reading the drive sees whose and when (madoguchi-backup-honchosha-a1b2c3-20261203-1930), and they sort by age.
import { tokyoStamp } from '../../shared/tokyo-date';

const PREFIX = 'madoguchi-backup-';

export function backupName(stationId: string, at: Date, taken: (name: string) => boolean): string {
  const base = `${PREFIX}${stationId}-${tokyoStamp(at)}`;
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

export function isBackupOf(name: string, stationId: string): boolean {
  return name.startsWith(`${PREFIX}${stationId}-`) && /-\d{8}-\d{6}(-\d+)?$/.test(name);
}

/** A backup being written (hidden until whole); one left by a crash is removed at the next backup. */
export function partialPrefix(stationId: string): string {
  return `.partial-${PREFIX}${stationId}-`;
}
