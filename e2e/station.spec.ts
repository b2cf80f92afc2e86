// A station started without the venue passphrase (as a venue PC starts): the unlock screen comes first.
import { test, expect } from './fixtures';
import { PASSPHRASE, STAFF } from './demo-world';

test.use({ serveArgs: ['--locked'], unlockedStart: false });

test('the venue passphrase opens the data folder, then staff sign in', async ({ counter, page }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'データフォルダのロック解除' })).toBeVisible();
  await expect(page.getByText('本庁舎（honchosha-demo01）')).toBeVisible();
  const field = page.getByLabel('会場のパスフレーズ');
  await field.fill('wrong passphrase');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('パスフレーズが違います');
  await counter.shot(testInfo, 'station-locked');
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: '窓口 サインイン' })).toBeVisible();
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
});
