import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, readPragmas, DbOpenError } from './connection';
import { tempDir } from '../testing/fixtures';

describe('opening the encrypted database', () => {
  test('every connection is WAL, synchronous=FULL, foreign keys on, secure_delete on', (t) => {
    const db = openDatabase(join(tempDir(t), 'a.db'), randomBytes(32));
    t.after(() => db.close());
    assert.deepEqual(readPragmas(db), { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, secure_delete: 1 });
  });

  test('encrypted from the first write: no SQLite header and no plaintext canary in the db or WAL', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'a.db');
    const db = openDatabase(file, randomBytes(32));
    db.exec('CREATE TABLE x (v TEXT)');
    const canary = '江東区カナリア太郎CANARY-7f3a';
    db.prepare('INSERT INTO x VALUES (?)').run(canary);
    for (const f of [file, `${file}-wal`].filter(existsSync)) {
      const raw = readFileSync(f);
      assert.notEqual(raw.subarray(0, 15).toString('latin1'), 'SQLite format 3');
      assert.ok(!raw.includes(Buffer.from(canary)), `${f} holds plaintext (utf-8)`);
      assert.ok(!raw.includes(Buffer.from(canary, 'utf16le')), `${f} holds plaintext (utf-16)`);
    }
    db.close();
  });

  test('a wrong key is a typed error and leaves the file byte-for-byte unchanged', (t) => {
    const file = join(tempDir(t), 'a.db');
    const db = openDatabase(file, randomBytes(32));
    db.exec('CREATE TABLE x (v TEXT)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(file);
    assert.throws(
      () => openDatabase(file, randomBytes(32)),
      (e) => e instanceof DbOpenError && e.code === 'wrong-key',
    );
    assert.deepEqual(readFileSync(file), before);
  });

  test('an unencrypted SQLite file is refused rather than used', (t) => {
    const file = join(tempDir(t), 'plain.db');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]));
    assert.throws(
      () => openDatabase(file, randomBytes(32)),
      (e) => e instanceof DbOpenError && e.code === 'not-a-database',
    );
  });
});
