// A station started without the venue passphrase (as a venue PC starts): the unlock screen comes first.
import { test, expect } from './fixtures';
import { PASSPHRASE, STAFF } from './demo-world';

test.use({ serveArgs: ['--locked'], unlockedStart: false });

test('the venue passphrase opens the data folder, then staff sign in', async ({ counter, page }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'データフォルダのロック解除' })).toBeVisible();
  // The venue whose passphrase this is, and where; never the station's id (a hover title, for support).
  await expect(page.getByTestId('unlock-venue')).toHaveText('本庁舎（江東区役所 2階）');
  await expect(page.locator('body')).not.toContainText('honchosha-demo01');
  const field = page.getByLabel('会場のパスフレーズ');
  await field.fill('wrong passphrase');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('パスフレーズが違います');
  await counter.shot(testInfo, 'station-locked');
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: '窓口 サインイン' })).toBeVisible();
  // Open, the station can name itself as its venue calls it.
  await expect(page.getByTestId('sign-in-venue')).toHaveText('本庁舎 窓口1　マイナンバーカード交付窓口');
  await counter.shot(testInfo, 'station-sign-in');
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('lock-station')).toHaveText('本庁舎 窓口1');
  await counter.shot(testInfo, 'lock-screen');
});
