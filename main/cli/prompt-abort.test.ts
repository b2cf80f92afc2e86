// Ctrl+C or Ctrl+D at a hidden prompt (passphrase, PIN) stops the command with a word (issue 13: it hung with
// the terminal echoing what was typed, or Node ended it with an English warning about an unsettled await).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { runCli } from './main';
import { fixedClock } from '../clock';
import { createVenueDataFolder } from '../store/data-folder';
import { tempDir } from '../testing/fixtures';

for (const [key, name] of [
  ['\x03', 'Ctrl+C'],
  ['\x04', 'Ctrl+D'],
] as const) {
  test(`${name} at the passphrase prompt: 中止しました, exit 130, nothing opened`, { timeout: 10_000 }, async (t) => {
    const dir = tempDir(t);
    createVenueDataFolder(dir, 'sogo', 'venue passphrase 1').close();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    let err = '';
    const running = runCli(['venue', 'close-day', '--data', dir, '--staff', 'lead1'], {
      out: () => undefined,
      err: (s) => (err += s),
      stdin,
      env: {},
      clock: fixedClock('2026-11-20T01:00:00Z'),
      cwd: dir,
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.match(err, /パスフレーズ: $/);
    stdin.write(key);
    assert.equal(await running, 130);
    assert.match(err, /中止しました/);
    assert.doesNotMatch(err, /Error|at \w/);
  });
}
