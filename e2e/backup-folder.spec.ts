// The lead sets where backups go on the backup page (browser mode: the path is typed, there is no folder dialog),
// by keyboard, at 1366×768: a folder main refuses is said in words; a good one is saved, a backup made now is
// listed there; the stick taken away, the page and the strip say no checked backup is at hand.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { expectFits } from './pages/screen-fit';

test.use({ viewport: { width: 1366, height: 768 } });

test('the lead types the backup folder, saves it, backs up now and sees it listed; the stick taken away is said', async ({
  counter,
  page,
}) => {
  const usb = mkdtempSync(join(tmpdir(), 'madoguchi-usb-'));
  try {
    await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
    await expect(page.getByTestId('status-backup')).toHaveText('バックアップ先が未設定です');
    await page.keyboard.press('F4');
    await page.getByTestId('lead-panel').getByRole('button', { name: 'バックアップ', exact: true }).click();
    const backups = page.getByTestId('backup-page');
    await expect(backups.getByTestId('backup-folder-unset')).toHaveText(
      'バックアップ先が未設定です。USBメモリなどのフォルダを入力して「保存」を押してください',
    );
    await expect(backups.getByRole('button', { name: 'フォルダを選ぶ…' }), 'browser mode has no folder dialog').toHaveCount(0);
    await expect(backups.getByRole('button', { name: '今すぐバックアップ' })).toBeDisabled();
    const folder = backups.getByLabel('バックアップ先', { exact: true });
    const save = backups.getByRole('button', { name: '保存' });
    await expect(backups.getByLabel('残す数')).toHaveValue('14');
    await expectFits(page, 'backup-folder-unset', [folder, save]);
    await page.screenshot({ path: '/tmp/backupfolder-unset.png' });

    // By keyboard, at a person's pace (a burst of keys ending in Enter is a wedge scanner's, which always wins):
    // type, Enter saves. A folder that is not there is refused, saying so.
    await folder.focus();
    await page.keyboard.type(join(usb, 'not-plugged-in'), { delay: 90 });
    await page.keyboard.press('Enter');
    await expect(backups.getByRole('alert')).toContainText('not-plugged-in」が見つかりません。USBメモリが差してあるか');
    await expect(backups.getByTestId('backup-unsaved')).toHaveText('まだ保存していません');
    await page.screenshot({ path: '/tmp/backupfolder-refused.png' });

    // A number out of its range is said with the range.
    const checkDays = backups.getByLabel('確認の間隔（日）');
    await folder.fill(usb);
    await checkDays.fill('0');
    await page.keyboard.press('Enter');
    await expect(backups.getByRole('alert')).toHaveText('確認の間隔は1〜90日の整数で入力してください');
    await checkDays.fill('3');

    await folder.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('７'); // an IME's full-width digit
    await page.keyboard.press('Enter');
    await expect(backups.getByTestId('backup-message')).toHaveText(
      `バックアップ先を保存しました（${usb}、新しい7件を残す、3日ごとに確認）`,
    );
    await expect(backups.getByRole('alert')).toHaveCount(0);
    await expect(backups.getByTestId('backup-folder-unset')).toHaveCount(0);
    await expect(backups.getByTestId('backup-unsaved')).toHaveCount(0);
    await expect(page.getByTestId('status-backup'), 'a folder now, no backup yet').toHaveText('バックアップがまだ確認されていません');

    await backups.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect(backups.getByTestId('backup-message')).toContainText(`バックアップを作りました（${usb}/madoguchi-backup-honchosha-`);
    const row = backups.getByTestId('backup-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('手動');
    await expect(row).toContainText('会場　責任者');
    await expect(row).toContainText('あり');
    await expect(page.getByTestId('status-backup')).toHaveCount(0);
    await expectFits(page, 'backup-folder-saved', [save, backups.getByRole('button', { name: '今すぐバックアップ' }), row]);
    await page.screenshot({ path: '/tmp/backupfolder-saved.png' });

    // The stick taken away: the backup was checked as it was made, but there is nothing at hand to restore from.
    // The page asks the medium afresh as it opens, and the strip goes with it.
    renameSync(usb, `${usb}-away`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F4');
    await page.getByTestId('lead-panel').getByRole('button', { name: 'バックアップ', exact: true }).click();
    await expect(page.getByTestId('status-backup')).toHaveText(
      /^確認済みのバックアップが媒体に見当たりません（最後: \d{4}\/\d\d\/\d\d \d\d:\d\d）$/,
    );
    await expect(backups.getByTestId('backup-reminder')).toContainText('確認済みのバックアップが媒体に見当たりません（最後: ');
    await expect(backups.getByTestId('backup-reminder')).toContainText(
      'バックアップの入ったUSBメモリを差し直すか、今すぐバックアップしてください',
    );
    await expect(backups.getByTestId('backup-row')).toContainText('見当たりません');
    await expectFits(page, 'backup-folder-gone', [backups.getByTestId('backup-reminder')]);
    await page.screenshot({ path: '/tmp/backupfolder-gone.png' });
  } finally {
    rmSync(usb, { recursive: true, force: true });
    rmSync(`${usb}-away`, { recursive: true, force: true });
  }
});
