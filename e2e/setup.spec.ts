// A counter PC's first-run setup (初回設定) in Chromium at 1366×768: `madoguchi serve` on an empty folder shows the
// setup, not an unlock screen; a venue lead goes through its six steps from the keyboard (each step fits the
// screen, and the app's window at 1366×688 and 1280×640, its pictures kept under test-results/screen-fit/),
// ends at the usual sign-in of the new station, and signs in with the account just made. A scan at scanner pace
// into the setup's fields types nothing.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, PASSPHRASE, ROOT, loadWorld } from './demo-world';
import { serve } from './serve';
import { SetupWizardPage } from './pages/setup-wizard';
import { replayKeys, scannerKeys } from './pages/key-replay';
import { decodePublicKeyFile } from '../main/crypto/key-files';
import { fingerprintOf } from '../main/crypto/hq-key-trust';

test.use({ viewport: { width: 1366, height: 768 } });

const NEW_PASS = 'honchosha pc three';

test('a venue lead sets up a new counter PC in the window, from the keyboard, and signs in at it', async ({ page }) => {
  test.setTimeout(120_000);
  const world = loadWorld();
  const keys = join(world.dir, 'keys');
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-setup-'));
  // HQ's hq-sync.json as HQ makes it (`sync identity --hq-key`), from a copy of HQ's folder.
  const hq = join(dir, 'hq');
  cpSync(world.hqDataDir, hq, { recursive: true });
  execFileSync(process.execPath, [BIN, 'sync', 'identity', '--data', hq, '--out', join(dir, 'reg'), '--hq-key', join(keys, 'hq.key')], {
    cwd: ROOT,
    env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE },
  });
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const server = await serve(join(dir, 'Madoguchi'));
  const w = new SetupWizardPage(page);
  /** A notice's barcode scanned into the focused field: the field keeps what it had, and the setup says why. */
  const scanInto = async (label: string, recording: number) => {
    const field = w.field(label);
    await field.focus();
    const before = await field.inputValue();
    await replayKeys(page, scannerKeys(world.picks.ok[0]!.reservationNo, recording));
    await expect(w.error).toContainText('初回設定の画面ではスキャンは使いません');
    await expect(field, label).toHaveValue(before);
  };
  try {
    await page.goto(server.url);
    // 1. The venue (Space picks the focused first one) and the label.
    await w.atStep(1, '会場と端末の呼び名');
    await expect(w.wizard.getByRole('radio', { name: /本庁舎/ })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(w.field('端末の呼び名（同じ会場の端末と区別します。例: 窓口1、窓口2）')).toBeFocused();
    // No label is offered (a second PC would otherwise become a second 窓口1): Enter on an empty one is refused.
    await page.keyboard.press('Enter');
    await expect(w.wizard.getByRole('alert')).toContainText('端末の呼び名は');
    await w.field('端末の呼び名（同じ会場の端末と区別します。例: 窓口1、窓口2）').fill('窓口3');
    await scanInto('端末の呼び名（同じ会場の端末と区別します。例: 窓口1、窓口2）', 0);
    await w.fits('1-station');
    await page.keyboard.press('Enter');

    // 2. The passphrase, twice: a mismatch is refused in words first.
    await w.atStep(2, 'データフォルダのパスフレーズ');
    await expect(w.field('パスフレーズ')).toBeFocused();
    // Filled, not typed key by key: Playwright's typing is at a scanner's pace, and would be taken for a scan.
    await w.field('パスフレーズ').fill(NEW_PASS);
    await page.keyboard.press('Tab');
    await expect(w.field('パスフレーズ（確認のため、もう一度）')).toBeFocused();
    await w.field('パスフレーズ（確認のため、もう一度）').fill(`${NEW_PASS}!`);
    await page.keyboard.press('Enter');
    await expect(w.error).toContainText('パスフレーズが一致しません');
    await w.fits('2-passphrase-mismatch');
    await w.field('パスフレーズ（確認のため、もう一度）').fill(NEW_PASS);
    await scanInto('パスフレーズ', 1);
    await page.keyboard.press('Enter');

    // 3. hq.pub: its whole fingerprint, big, to read with HQ by phone; going on without the tick is refused.
    await w.atStep(3, '事務センターの鍵');
    // A step that opens on a file to choose: the keyboard is on its button, never on nothing.
    await expect(w.wizard.getByRole('button', { name: 'ファイルを選ぶ' }).first()).toBeFocused();
    await w.field('事務センターの公開鍵（hq.pub）').setInputFiles(join(keys, 'hq.pub'));
    const hqKey = decodePublicKeyFile(readFileSync(join(keys, 'hq.pub'), 'utf8'));
    if (!hqKey.ok) throw new Error('the demo hq.pub');
    await expect(w.wizard.getByTestId('setup-fingerprint')).toHaveText(fingerprintOf(hqKey.value));
    await expect(w.wizard.getByText('事務センターに電話で読み上げて確認してください')).toBeVisible();
    // The page's own code, as text: this folder is compiled without the DOM's types.
    const size = await page.evaluate<number>(
      `parseFloat(getComputedStyle(document.querySelector('[data-testid="setup-fingerprint"]')).fontSize)`,
    );
    expect(size, 'the fingerprint is big').toBeGreaterThanOrEqual(30);
    await w.next.click();
    await expect(w.error).toContainText('電話で読み上げて');
    const tick = w.wizard.getByRole('checkbox', { name: /すべて同じであることを確かめました/ });
    await tick.focus();
    await page.keyboard.press('Space');
    await expect(tick).toBeChecked();
    await w.fits('3-hq-key');
    await w.next.click();

    // 4. The daily sync: hq-sync.json and the venue's key, opened with its passphrase.
    await w.atStep(4, '日次同期の設定');
    await w.field('事務センターの同期設定ファイル（hq-sync.json）').setInputFiles(join(dir, 'reg', 'hq-sync.json'));
    await w.field('この会場の秘密鍵（<会場>.key）').setInputFiles(join(keys, 'honchosha.key'));
    await w.field('会場の秘密鍵のパスフレーズ').fill('not the passphrase');
    await page.keyboard.press('Enter');
    await expect(w.error).toContainText('パスフレーズが違うか');
    await w.fits('4-sync-wrong-passphrase');
    await w.field('会場の秘密鍵のパスフレーズ').fill(PASSPHRASE);
    await page.keyboard.press('Enter');

    // 5. The first lead.
    await w.atStep(5, '会場責任者の職員アカウント');
    await expect(w.field('職員ID（英数字）')).toBeFocused();
    await scanInto('職員ID（英数字）', 2);
    await w.fill({
      '職員ID（英数字）': 'lead9',
      '氏名（画面と印刷に出ます）': '本庁　三郎',
      'PIN（4〜8桁の数字）': '5829',
      'PIN（確認のため、もう一度）': '5829',
    });
    await w.fits('5-lead');
    await page.keyboard.press('Enter');

    // 6. The registration file, to a folder typed (browser mode has no folder dialog).
    await w.atStep(6, '事務センターに渡す登録ファイル');
    await expect(w.wizard.getByRole('button', { name: 'フォルダを選ぶ' })).toHaveCount(0);
    await scanInto('書き出すフォルダ（例: E:\\ や /media/usb）', 0);
    await w.field('書き出すフォルダ（例: E:\\ や /media/usb）').fill(usb);
    await w.fits('6-registration');
    await page.keyboard.press('Enter');
    // The making takes seconds (the keys' derivation): the wizard says it is working, not only greyed buttons.
    await expect(w.wizard.getByRole('status')).toHaveText('この端末を設定しています（数秒かかります）…');

    // The station is made and open: the usual sign-in, naming it; the new lead signs in.
    await expect(page.getByRole('heading', { name: '窓口 サインイン' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('sign-in-venue')).toContainText('本庁舎 窓口3');
    const [registration, ...others] = readdirSync(usb);
    expect(others).toEqual([]);
    expect(registration).toMatch(/^honchosha-[0-9a-f]{6}\.station\.json$/);
    await page.getByLabel('職員ID').fill('lead9');
    await page.getByLabel('PIN（数字）').fill('5829');
    await page.keyboard.press('Enter');
    await expect(page.getByText('バーコードをスキャンしてください')).toBeVisible();
    await expect(page.getByTestId('status-staff')).toContainText('lead9');
    // The lead's menu of a station just set up says what to do first: take in HQ's ledger.
    await page.keyboard.press('F4');
    await expect(page.getByTestId('no-shipments')).toContainText('この端末にはまだ台帳がありません');
    await expect(page.getByTestId('no-shipments')).toBeInViewport();
    await page.screenshot({ path: 'test-results/screen-fit/1366x768-setup-7-lead-menu-first.png' });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
