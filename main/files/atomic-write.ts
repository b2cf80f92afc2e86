// Files we hand to people (keys, ledgers, reports) appear whole or not at all:
// write a temp file, fsync it, rename over the target, fsync the directory.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(path: string, data: Uint8Array | string, options: { mode?: number } = {}): void {
  const staged = stageFile(path, data, options);
  commitStaged([staged]);
}

export interface StagedFile {
  readonly temp: string;
  readonly target: string;
}

/** Writes and fsyncs a hidden temp file beside `path`; nothing is visible under the real name yet. */
export function stageFile(path: string, data: Uint8Array | string, options: { mode?: number } = {}): StagedFile {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', options.mode ?? 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  return { temp, target: path };
}

/** Renames staged files into place (each rename is atomic), then makes the renames durable. */
export function commitStaged(files: readonly StagedFile[]): void {
  for (const f of files) renameSync(f.temp, f.target);
  for (const dir of new Set(files.map((f) => dirname(f.target)))) fsyncDir(dir);
}

export function discardStaged(files: readonly StagedFile[]): void {
  for (const f of files) rmSync(f.temp, { force: true });
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
