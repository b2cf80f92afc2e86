// keyring.json's OS slot (この端末で自動的に開く) beside the passphrase slot: added and removed, bound to the
// folder, never in the way of the passphrase.
import '../testing/memo-scrypt';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyring, peekKeyring, unlockKeyring } from './keyring';
import { hasOsSlot, unlockKeyringWithOs, withOsSlot, withoutOsSlot } from './os-key-slot';
import { fakeOsKeyStore } from './fake-os-key-store';

const PASS = 'venue passphrase 1';

function keyringWithOs(stationId = 'toyosu-aaaaaa') {
  const { text, dbKey } = createKeyring({ site: 'toyosu', stationId }, PASS);
  const os = fakeOsKeyStore('user-a');
  return { plain: text, text: withOsSlot(text, dbKey, os), dbKey, os };
}

describe('the OS slot of keyring.json', () => {
  test('added, it opens the database key for the same OS user; removed, it is gone and the passphrase slot is as it was', () => {
    const { plain, text, dbKey, os } = keyringWithOs();
    assert.equal(hasOsSlot(plain), false);
    assert.equal(hasOsSlot(text), true);
    const opened = unlockKeyringWithOs(text, os);
    assert.ok(opened.ok);
    assert.deepEqual(opened.value, { site: 'toyosu', stationId: 'toyosu-aaaaaa', dbKey });
    // The key itself is nowhere in the file, in any encoding.
    assert.ok(!text.includes(dbKey.toString('base64')) && !text.includes(dbKey.toString('hex')));
    // Added twice: one slot, the newer.
    const again = withOsSlot(text, dbKey, os);
    assert.equal((JSON.parse(again) as { slots: { type: string }[] }).slots.filter((s) => s.type === 'os').length, 1);
    const removed = withoutOsSlot(again);
    assert.equal(hasOsSlot(removed), false);
    assert.equal(removed, plain, 'the keyring is back to its passphrase slot alone, byte for byte');
    const none = unlockKeyringWithOs(removed, os);
    assert.ok(!none.ok);
    assert.equal(none.error.code, 'no-os-slot');
  });

  test('a keyring with an OS slot still opens by passphrase, and the wrong passphrase is still wrong', () => {
    const { text, dbKey } = keyringWithOs();
    const r = unlockKeyring(text, PASS);
    assert.ok(r.ok);
    assert.deepEqual(r.value.dbKey, dbKey);
    const wrong = unlockKeyring(text, 'not the passphrase');
    assert.ok(!wrong.ok);
    assert.equal(wrong.error.code, 'wrong-passphrase');
    assert.deepEqual(peekKeyring(text), { ok: true, value: { site: 'toyosu', stationId: 'toyosu-aaaaaa' } });
  });

  test('a keyring written before the OS slot existed (version 1, a passphrase slot alone) opens as before', () => {
    const old = {
      format: 'madoguchi-keyring',
      version: 1,
      venue: 'toyosu',
      stationId: 'toyosu-aaaaaa',
      slots: [JSON.parse(createKeyring({ site: 'toyosu', stationId: 'toyosu-aaaaaa' }, PASS).text).slots[0]],
    };
    const text = JSON.stringify(old, null, 2) + '\n';
    assert.ok(unlockKeyring(text, PASS).ok);
    assert.equal(hasOsSlot(text), false);
  });

  test("another folder's OS slot copied into this keyring does not open it (the slot is bound to site and station)", () => {
    const mine = keyringWithOs('toyosu-aaaaaa');
    const other = keyringWithOs('toyosu-bbbbbb');
    const parsed = JSON.parse(mine.text) as { slots: { type: string }[] };
    const theirs = (JSON.parse(other.text) as { slots: { type: string }[] }).slots.find((s) => s.type === 'os')!;
    const forged = JSON.stringify({ ...parsed, slots: [...parsed.slots.filter((s) => s.type !== 'os'), theirs] });
    const r = unlockKeyringWithOs(forged, mine.os);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'os-slot-damaged');
    assert.match(r.error.message, /このデータフォルダのものではありません.*パスフレーズを入力して開いてください/);
    // A keyring relabelled to another station is refused likewise (the identity is the AAD).
    const relabelled = mine.text.replace('"stationId": "toyosu-aaaaaa"', '"stationId": "toyosu-cccccc"');
    assert.ok(!unlockKeyringWithOs(relabelled, mine.os).ok);
    assert.ok(unlockKeyring(forged, PASS).ok, 'the passphrase still opens the keyring the slot was copied into');
  });

  test('another OS user, an OS store that was reset, or none at all: refused in words, and the passphrase still opens it', () => {
    const { text, os } = keyringWithOs();
    os.user = 'user-b';
    const other = unlockKeyringWithOs(text, os);
    assert.ok(!other.ok);
    assert.equal(other.error.code, 'os-refused');
    assert.match(other.error.message, /違う Windows のユーザー.*パスフレーズを入力して開いてください/);
    os.user = 'user-a';
    os.failOpen = true;
    assert.equal((unlockKeyringWithOs(text, os) as { error: { code: string } }).error.code, 'os-refused');
    os.failOpen = false;
    os.usable = false;
    const none = unlockKeyringWithOs(text, os);
    assert.ok(!none.ok);
    assert.equal(none.error.code, 'os-unavailable');
    assert.match(none.error.message, /OS の資格情報（鍵の保管庫）が使えない/);
    assert.ok(unlockKeyring(text, PASS).ok);
  });

  test('a damaged OS slot (bytes flipped, a field gone, garbage) does not stop the passphrase', () => {
    const { text, os } = keyringWithOs();
    const file = JSON.parse(text) as { slots: Record<string, unknown>[] };
    const osSlot = file.slots.find((s) => s.type === 'os')!;
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[5]! ^= 0x40;
      return b.toString('base64');
    };
    const damages: Record<string, unknown>[] = [
      { ...osSlot, sealed: flip(osSlot.sealed as string) },
      { ...osSlot, osSealed: flip(osSlot.osSealed as string) },
      { ...osSlot, iv: 'AAAA' },
      { type: 'os', sealed: 12 },
      { type: 'os' },
      { type: 'os', osSealed: '!!not base64!!', cipher: 'aes-256-gcm', iv: '', sealed: '' },
    ];
    for (const damaged of damages) {
      const broken = JSON.stringify({ ...file, slots: [file.slots[0], damaged] });
      assert.ok(unlockKeyring(broken, PASS).ok, JSON.stringify(damaged));
      const r = unlockKeyringWithOs(broken, os);
      assert.ok(!r.ok, JSON.stringify(damaged));
      assert.ok(['os-slot-damaged', 'os-refused'].includes(r.error.code), r.error.code);
      // Removing it mends the keyring.
      assert.equal(hasOsSlot(withoutOsSlot(broken)), false);
    }
  });

  test('a keyring without a passphrase slot, or with a damaged one, is not ours: an OS slot alone never makes one', () => {
    const { text } = keyringWithOs();
    const file = JSON.parse(text) as { slots: { type: string }[] };
    const osOnly = JSON.stringify({ ...file, slots: file.slots.filter((s) => s.type === 'os') });
    assert.equal(peekKeyring(osOnly).ok, false);
    const damagedPassphrase = JSON.stringify({ ...file, slots: [{ type: 'passphrase', box: {} }, ...file.slots] });
    assert.equal((unlockKeyring(damagedPassphrase, PASS) as { error: { code: string } }).error.code, 'not-a-keyring');
  });

  test('a store that seals what it cannot open is found when the slot is made, not at the next start', () => {
    const { text, dbKey } = keyringWithOs();
    const broken = { seal: (s: Buffer) => Buffer.from(s), open: () => Buffer.alloc(32) };
    assert.throws(() => withOsSlot(text, dbKey, broken), /did not give back/);
  });
});
