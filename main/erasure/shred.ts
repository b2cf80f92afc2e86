// Overwriting before removing: the folder's key (keyring.json) and the encrypted database are overwritten with
// random bytes, synced, then unlinked. On flash storage an overwrite may not reach the old cells (NIST SP
// 800-88), which is why the erasure's method is the crypto-erase — the sealed key destroyed, so the ciphertext
// that may linger is unreadable — and the overwrite is belt and braces.
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { join } from 'node:path';

const CHUNK = 1 << 20;

export function shredFile(path: string): void {
  const size = lstatSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const buf = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += buf.length) {
      randomFillSync(buf);
      writeSync(fd, buf, 0, Math.min(buf.length, size - at), at);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(path);
}

/** Every file below `dir` shredded (the given ones first, in that order), then the folders removed. */
export function shredDir(dir: string, first: readonly string[] = []): void {
  for (const name of first) if (existsSync(join(dir, name))) shredFile(join(dir, name));
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isDirectory()) shredDir(path);
    else shredFile(path);
  }
  rmdirSync(dir);
}
