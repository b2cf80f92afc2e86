// The files a data folder holds, by name: its encrypted database (with SQLite's -wal and -shm beside it), the
// keyring that unlocks it, the head that says how far the database reached at its last commit, and a plain
// copy of the station's label for the unlock screen (station-label-file.ts), and the owner lock with a note of
// which program holds it (folder-lock.ts).
export const DB_FILE = 'madoguchi.db';
export const KEYRING_FILE = 'keyring.json';
export const HEAD_FILE = 'head.json';
export const STATION_LABEL_FILE = 'station-label.json';
export const LOCK_FILE = 'owner.lock';
export const OWNER_FILE = 'owner.json';
