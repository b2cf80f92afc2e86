// better-sqlite3-multiple-ciphers 13 ships an index.d.ts that its package.json "exports" does not name, so
// the compiler cannot reach it (and tsconfig "paths" would also redirect tsx at run time). Its API is
// better-sqlite3's, typed by @types/better-sqlite3; the cipher is chosen through pragmas.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
