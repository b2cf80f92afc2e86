// The installed app's folders: machine-wide by default, or where the machine's config file says; a bad config
// file is said in Japanese, naming the file, and nothing falls back silently to another folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFolders } from './app-folders';

const files = (map: Record<string, string>) => (path: string) => map[path] ?? null;

test('installed on Windows: %ProgramData%\\Madoguchi\\data\\station and logs, whatever MADOGUCHI_DATA_DIR says', () => {
  const r = appFolders({
    packaged: true,
    platform: 'win32',
    env: { ProgramData: 'C:\\ProgramData', MADOGUCHI_DATA_DIR: 'C:\\Users\\x\\evil' },
    readText: files({}),
  });
  assert.deepEqual(r, {
    ok: true,
    value: {
      dataDir: 'C:\\ProgramData\\Madoguchi\\data\\station',
      logDir: 'C:\\ProgramData\\Madoguchi\\logs',
      configFile: 'C:\\ProgramData\\Madoguchi\\config.json',
    },
  });
});

test('installed on Linux: /var/lib/madoguchi, config in /etc/madoguchi', () => {
  const r = appFolders({ packaged: true, platform: 'linux', env: {}, readText: files({}) });
  assert.deepEqual(r, {
    ok: true,
    value: { dataDir: '/var/lib/madoguchi/data/station', logDir: '/var/lib/madoguchi/logs', configFile: '/etc/madoguchi/config.json' },
  });
});

test("the config file names the data folder (the installer's /DATADIR= writes it through PowerShell, with a BOM)", () => {
  const cfg = 'C:\\ProgramData\\Madoguchi\\config.json';
  const r = appFolders({
    packaged: true,
    platform: 'win32',
    env: { ProgramData: 'C:\\ProgramData' },
    readText: files({ [cfg]: '\uFEFF{\r\n  "dataDir": "D:\\\\madoguchi"\r\n}' }),
  });
  assert.ok(r.ok);
  assert.equal(r.value.dataDir, 'D:\\madoguchi');
  assert.equal(r.value.logDir, 'C:\\ProgramData\\Madoguchi\\logs');
});

test('a bad config file is refused in words naming it and what is wrong: not JSON, an unknown key, a wrong type, relative, a folder, unreadable', () => {
  const cfg = '/etc/madoguchi/config.json';
  const cases: [string, RegExp][] = [
    [
      '{dataDir: /srv}',
      /^設定ファイル \/etc\/madoguchi\/config\.json を読めません: JSON として読めません（書けるのは dataDir と logDir。例: \{"dataDir": "\/srv\/madoguchi\/station"\}）$/,
    ],
    ['', /JSON として読めません/],
    ['{"datadir": "/srv/m"}', /知らない項目 datadir があります/],
    ['{"dataDir": 3}', /dataDir は空でない文字列（フォルダ）で書きます/],
    ['["/srv/m"]', /\{ \} で囲んだ項目の一覧ではありません/],
    ['{"dataDir": "madoguchi"}', /dataDir「madoguchi」が絶対パスではありません（例: \/srv\/madoguchi\/station）/],
  ];
  for (const [text, message] of cases) {
    const r = appFolders({ packaged: true, platform: 'linux', env: {}, readText: files({ [cfg]: text }) });
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.error, message, text);
  }
  const windows = appFolders({
    packaged: true,
    platform: 'win32',
    env: { ProgramData: 'C:\\ProgramData' },
    readText: () => '{"dataDir": "station"}',
  });
  assert.ok(!windows.ok && windows.error.includes('（例: D:\\madoguchi\\station）'), 'Windows is given a Windows example');
  const failing = (code: string) => () => {
    throw Object.assign(new Error(code), { code });
  };
  assert.deepEqual(appFolders({ packaged: true, platform: 'linux', env: {}, readText: failing('EACCES') }), {
    ok: false,
    error: '設定ファイル /etc/madoguchi/config.json を開けません（読み取りの権限を確認してください）',
  });
  assert.deepEqual(appFolders({ packaged: true, platform: 'linux', env: {}, readText: failing('EISDIR') }), {
    ok: false,
    error: '設定ファイル /etc/madoguchi/config.json を開けません（ファイルではなくフォルダです）',
  });
});

test('the development checkout: MADOGUCHI_DATA_DIR, its own logs beside it, no config file', () => {
  const r = appFolders({ packaged: false, platform: 'linux', env: { MADOGUCHI_DATA_DIR: '/tmp/m/venues/honchosha' }, readText: files({}) });
  assert.deepEqual(r, {
    ok: true,
    value: { dataDir: '/tmp/m/venues/honchosha', logDir: '/tmp/m/venues/honchosha-logs', configFile: null },
  });
});
