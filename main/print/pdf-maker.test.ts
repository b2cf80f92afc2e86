// Which browser makes the command line's PDFs, and what a browser that hangs or fails leaves: an error, no file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPdfMaker, findPdfBrowser } from './pdf-maker';
import { tempDir } from '../testing/fixtures';

test('the browser named in MADOGUCHI_CHROMIUM, else Edge or Chrome where Windows installs them, else a clear error', () => {
  const has = (paths: string[]) => (p: string) => paths.includes(p);
  assert.deepEqual(findPdfBrowser({ MADOGUCHI_CHROMIUM: '/opt/x/chrome' }, 'linux', has(['/opt/x/chrome'])), {
    ok: true,
    value: '/opt/x/chrome',
  });
  const missing = findPdfBrowser({ MADOGUCHI_CHROMIUM: '/opt/none' }, 'linux', has(['/usr/bin/chromium']));
  assert.deepEqual(missing, { ok: false, error: 'MADOGUCHI_CHROMIUM の /opt/none が見つかりません' }, 'a named one is not second-guessed');
  const edge = join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe');
  const win = findPdfBrowser({ 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramFiles: 'C:\\Program Files' }, 'win32', has([edge]));
  assert.deepEqual(win, { ok: true, value: edge });
  assert.deepEqual(findPdfBrowser({}, 'linux', has(['/usr/bin/chromium-browser'])), { ok: true, value: '/usr/bin/chromium-browser' });
  const none = findPdfBrowser({}, 'linux', has([]));
  assert.ok(!none.ok && /Microsoft Edge）が見つかりません。MADOGUCHI_CHROMIUM に/.test(none.error));
});

test('a browser that hangs is stopped; one that exits without a PDF is an error; neither leaves its temp folder', async (t) => {
  const dir = tempDir(t);
  const before = readdirSync(tmpdir()).filter((n) => n.startsWith('madoguchi-pdf-')).length;
  const hang = join(dir, 'hang.sh');
  writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n');
  chmodSync(hang, 0o755);
  const hung = await chromiumPdfMaker(hang, null, 300).make('<p>x</p>');
  assert.deepEqual(hung, { ok: false, error: `${hang} で PDF を作れませんでした（0.3 秒で終わりませんでした）` });
  const quiet = join(dir, 'quiet.sh');
  writeFileSync(quiet, '#!/bin/sh\nexit 0\n');
  chmodSync(quiet, 0o755);
  assert.deepEqual(await chromiumPdfMaker(quiet, null).make('<p>x</p>'), { ok: false, error: `${quiet} が PDF を書きませんでした` });
  assert.equal(readdirSync(tmpdir()).filter((n) => n.startsWith('madoguchi-pdf-')).length, before);
});
