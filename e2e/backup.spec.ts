// Backups in the app (issue 15), seen at 1366×768: the lead's strip reminds while none is known good; 日締め makes
// one to the set folder and names it; the backup page lists it and checks it on its medium (正常). A clerk has
// neither the reminder nor the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from './fixtures';
import { PASSPHRASE, STAFF } from './demo-world';
import { openDataFolder } from '../main/store/data-folder';
import { writeSetting } from '../main/store/settings';
import { expectFits } from './pages/screen-fit';

/** A USB stick beside the test's copy of the folder, set as the station's backup folder (as `madoguchi settings` does). */
function withBackupFolder(dataDir: string): void {
  const usb = join(dataDir, '..', '..', 'usb');
  mkdirSync(usb, { recursive: true });
  const opened = openDataFolder(dataDir, PASSPHRASE);
  if (!opened.ok) throw new Error(opened.error.message);
  writeSetting(opened.value.store.db, 'backup-folder', usb);
  opened.value.store.close();
}

// A function as a fixture's value would be taken for the fixture itself: it is handed over by one.
// eslint-disable-next-line no-empty-pattern
const test = base.extend({ prepareFolder: async ({}, use) => use(withBackupFolder) });

test.use({ viewport: { width: 1366, height: 768 } });

test('日締め backs up to the set folder; the lead sees it on the backup page and checks it: 正常', async ({ counter, page }, testInfo) => {
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(page.getByTestId('status-staff')).toBeVisible();
  await expect(page.getByTestId('status-backup'), 'not the clerk’s to act on').toHaveCount(0);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('lead-panel'), 'a clerk has no lead menu').toHaveCount(0);
  await page.getByRole('button', { name: /サインアウト/ }).click();

  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await expect(page.getByTestId('status-backup')).toHaveText('バックアップがまだ確認されていません');
  await counter.shot(testInfo, 'backup-reminder-lead-1366x768');

  const recon = await counter.closeToday();
  await expect(recon.getByTestId('day-closed-message')).toContainText(/バックアップを作りました（.*usb\/madoguchi-backup-honchosha-/);
  await expect(recon.getByTestId('day-close-backup-problem')).toHaveCount(0);
  await expect(page.getByTestId('status-backup'), 'known good now').toHaveCount(0);
  await counter.shot(testInfo, 'backup-day-close-1366x768');

  await page.keyboard.press('Escape');
  await page.keyboard.press('F4');
  await page.getByTestId('lead-panel').getByRole('button', { name: 'バックアップ', exact: true }).click();
  const backups = page.getByTestId('backup-page');
  await expect(backups.getByLabel('バックアップ先', { exact: true })).toHaveValue(/usb$/);
  const row = backups.getByTestId('backup-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('日締め');
  await expect(row).toContainText('会場　責任者');
  await expect(row).toContainText('あり');

  // By keyboard: Tab to the row's 確認 and press Enter.
  const check = row.getByRole('button', { name: /のバックアップを確認/ });
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(backups.getByTestId('backup-message')).toHaveText('確認しました: 正常です（復元に使えます）');
  await expect(row).toContainText(/正常（\d{4}\/\d\d\/\d\d \d\d:\d\d）/);

  await backups.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(backups.getByTestId('backup-message')).toContainText('バックアップを作りました');
  await expect(backups.getByTestId('backup-row')).toHaveCount(2);
  await expect(backups.getByTestId('backup-row').first()).toContainText('手動');
  await expectFits(page, 'backup-page', [backups.getByRole('button', { name: '今すぐバックアップ' })]);
  await counter.shot(testInfo, 'backup-page-1366x768');
});

test.describe('headquarters', () => {
  test.use({ site: 'hq' });
  test('HQ staff back up HQ’s own folder and check it from the 事務センター screen', async ({ counter, page }, testInfo) => {
    await counter.typeCredentials(STAFF.hq1.staffId, STAFF.hq1.pin);
    await page.getByTestId('hq-office').getByRole('button', { name: 'バックアップ', exact: true }).click();
    const backups = page.getByTestId('backup-page');
    await expect(backups.getByTestId('backup-none')).toBeVisible();
    await backups.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect(backups.getByTestId('backup-message')).toContainText(/バックアップを作りました（.*usb\/madoguchi-backup-hq-/);
    const row = backups.getByTestId('backup-row');
    await expect(row).toContainText('手動');
    await row.getByRole('button', { name: /のバックアップを確認/ }).click();
    await expect(backups.getByTestId('backup-message')).toHaveText('確認しました: 正常です（復元に使えます）');
    await counter.shot(testInfo, 'backup-hq-1366x768');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('hq-office')).toBeVisible();
  });
});
