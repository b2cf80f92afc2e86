// `madoguchi status` says whether the keyring holds the OS slot (この端末で自動的に開く), never anything of it.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder } from '../store/data-folder';
import { KEYRING_FILE } from '../store/folder-files';
import { unlockKeyring } from '../store/keyring';
import { withOsSlot } from '../store/os-key-slot';
import { fakeOsKeyStore } from '../store/fake-os-key-store';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';

const PASS = 'venue passphrase 3';

test('status says この端末で自動的に開く: オフ, then オン once the keyring holds the OS slot, and no part of the slot', async (t) => {
  const dir = join(tempDir(t), 'toyosu');
  createVenueDataFolder(dir, 'toyosu', PASS, 'toyosu-st01').close();
  const env = { MADOGUCHI_PASSPHRASE: PASS };
  const off = await cli(['status', '--data', dir], { env });
  assert.equal(off.code, 0, off.err);
  assert.match(off.out, /この端末で自動的に開く: オフ\n/);

  const file = join(dir, KEYRING_FILE);
  const text = readFileSync(file, 'utf8');
  const key = unlockKeyring(text, PASS);
  assert.ok(key.ok);
  writeFileSync(file, withOsSlot(text, key.value.dbKey, fakeOsKeyStore()));
  const on = await cli(['status', '--data', dir], { env });
  assert.equal(on.code, 0, on.err);
  assert.match(on.out, /この端末で自動的に開く: オン/);
  const slot = (JSON.parse(readFileSync(file, 'utf8')) as { slots: Record<string, string>[] }).slots.find((s) => s.type === 'os')!;
  for (const part of [slot.osSealed!, slot.sealed!]) assert.ok(!on.out.includes(part));
  const json = await cli(['status', '--data', dir, '--json'], { env });
  assert.equal((JSON.parse(json.out) as { autoOpen: boolean }).autoOpen, true);
});
