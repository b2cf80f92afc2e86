// For test files that drive the CLI in-process dozens of times over the same folders: every command unlocks its
// folder's keyring (and a venue key file, a staff PIN) with a full-strength scrypt, ~0.4 s each and several times
// that with the CPU shared, nearly all of such a file's time. scrypt is a pure function of its inputs, so each
// distinct stretch is computed for real, once, and its result handed out again (a fresh copy: callers zero the
// key after use). A wrong passphrase or PIN is another input, computed for real too; a failing call is not kept.
// Importing it re-binds node:crypto's scryptSync for every module of the process (syncBuiltinESMExports), so only
// a test file imports it. Not for tests about timing (sign-in-timing.test.ts) or the KDF's cost itself.
import crypto, { type BinaryLike, type ScryptOptions } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

const real = crypto.scryptSync;
type Stretched = ReturnType<typeof real>;
const kept = new Map<string, Stretched>();
const text = (x: BinaryLike) =>
  typeof x === 'string' ? `s:${x}` : `b:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;

function memoScryptSync(password: BinaryLike, salt: BinaryLike, keylen: number, options?: ScryptOptions): Stretched {
  const key = JSON.stringify([text(password), text(salt), keylen, options ?? null]);
  let result = kept.get(key);
  if (!result) {
    result = real(password, salt, keylen, options);
    kept.set(key, Buffer.from(result));
  }
  return Buffer.from(result);
}

crypto.scryptSync = memoScryptSync;
syncBuiltinESMExports();
