// The files a data folder holds, by name: its encrypted database (with SQLite's -wal and -shm beside it), the
// keyring that unlocks it, and the head that says how far the database reached at its last commit.
export const DB_FILE = 'madoguchi.db';
export const KEYRING_FILE = 'keyring.json';
export const HEAD_FILE = 'head.json';
