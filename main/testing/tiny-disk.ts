// A real small disk for tests of what a nearly full or full disk does: a tmpfs mounted in a fresh temp folder,
// unmounted after the test. Needs root (or CAP_SYS_ADMIN); elsewhere null, and the caller skips saying why.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `size`: as mount's tmpfs takes it (2m, 600m). tmpfs takes memory only for what is written to it. */
export function mountTinyDisk(t: { after(fn: () => void): void }, size = '2m'): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  t.after(() => {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export const TINY_DISK_SKIP = 'tmpfs cannot be mounted here (needs root)';

/** Bytes this user may still write on the disk holding `dir`. */
function freeOn(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

/** Takes up all but `leave` bytes of the disk with one file (`filler`), so what is left is known. */
export function fillDisk(disk: string, leave: number): void {
  writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, freeOn(disk) - leave)));
}
