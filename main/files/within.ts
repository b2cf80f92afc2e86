// Whether a path lies in a folder: the one test for "the report must be outside the data folder", "the backup
// folder must not be in the data folder", "the outbox is inside the folder". path.relative, not string prefixes:
// /data-old is not inside /data, and on Windows a path on another drive comes back absolute (never inside).
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** `inner` is `outer` itself or somewhere under it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(resolve(outer), resolve(inner));
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}
