// Accounts (issue 12): the lock screen says how many PIN attempts are left and how long a lockout lasts, and a
// venue lead can lift a lockout (main records who did).
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test.use({ viewport: { width: 1366, height: 768 } });

test('wrong PINs on the lock screen count down, the lockout says until when; a lead unlocks the account', async ({
  counter,
  page,
}, testInfo) => {
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('Control+l');
  const pin = page.getByLabel('PIN', { exact: true });
  for (let left = 4; left >= 1; left--) {
    await pin.fill('0000');
    await pin.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(`PINが違います（あと${left}回誤ると5分間使えなくなります）`);
  }
  await pin.fill('0000');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    /^PINの誤りが5回続いたため、\d\d:\d\dまで（5分間）使えません。会場責任者がロックを解除できます$/,
  );
  await counter.shot(testInfo, 'lock-screen-locked-out');

  await page.getByRole('button', { name: 'サインアウト' }).click();
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  const locked = page.getByTestId('locked-accounts');
  await expect(locked).toContainText(`${STAFF.clerk1.staffId}・窓口職員）`);
  await locked.getByRole('button', { name: 'ロックを解除する' }).click();
  await expect(locked.getByRole('status')).toContainText(`（${STAFF.clerk1.staffId}）のロックを解除しました`);
  await expect(locked).toContainText('ロックされている職員はいません');
  await counter.shot(testInfo, 'lead-unlocked-account');

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
});
