// 職員の管理 (issue 14): a venue lead enrols a clerk, sets a new PIN and stops an account in the app, by keyboard
// alone; the page fits a 1366×768 screen's window without scrolling.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { expectFits } from './pages/screen-fit';

test.use({ viewport: { width: 1366, height: 768 } });

test('a lead enrols, re-PINs and stops staff by keyboard; the new clerk signs in, the stopped one cannot', async ({
  counter,
  page,
}, testInfo) => {
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  await page.getByTestId('lead-panel').getByRole('button', { name: '職員の管理' }).click();
  const staffPage = page.getByTestId('staff-page');
  await expect(staffPage.getByTestId('staff-clerk2')).toBeVisible();

  // Enrol: each field reached with Tab, Enter submits. Typed at a person's pace: at a scanner's, keys are a scan.
  const type = (text: string) => page.keyboard.type(text, { delay: 120 });
  await staffPage.getByLabel('職員ID').focus();
  await type('tanaka');
  await page.keyboard.press('Tab');
  await type('田中　一');
  await page.keyboard.press('Tab');
  await expect(staffPage.getByLabel('役割')).toBeFocused(); // 窓口職員 as it stands
  await page.keyboard.press('Tab');
  await type('4321');
  await page.keyboard.press('Enter');
  await expect(staffPage.getByRole('status')).toHaveText('田中　一（tanaka）を登録しました');
  await expect(staffPage.getByTestId('staff-tanaka')).toContainText('窓口職員');

  // A new PIN for clerk2: the button, then the PIN field has the focus; Enter sets it.
  await staffPage.getByTestId('staff-clerk2').getByRole('button', { name: 'PINを再設定' }).focus();
  await page.keyboard.press('Enter');
  await expect(staffPage.getByLabel('新しいPIN')).toBeFocused();
  await type('12');
  await page.keyboard.press('Enter');
  await expect(staffPage.getByRole('alert')).toHaveText('PINは4〜8桁の数字です');
  await type('2468');
  await page.keyboard.press('Enter');
  await expect(staffPage.getByRole('status')).toHaveText('clerk2 のPINを再設定しました（ロックも解除されます）');

  // Stop clerk1: 停止… then 停止する, which has the focus.
  await staffPage.getByTestId('staff-clerk1').getByRole('button', { name: '停止…' }).focus();
  await page.keyboard.press('Enter');
  await expect(staffPage.getByRole('button', { name: '停止する' })).toBeFocused();
  await expectFits(page, 'staff-page-confirm-stop', [staffPage.getByRole('button', { name: '停止する' })]);
  await page.keyboard.press('Enter');
  await expect(staffPage.getByRole('status')).toHaveText('clerk1 を停止しました（この職員IDではサインインできません）');
  await expect(staffPage.getByTestId('staff-clerk1')).toHaveCount(0);
  await expect(staffPage.getByTestId('staff-lead1').getByRole('button', { name: '停止…' }), 'not oneself').toHaveCount(0);
  await expectFits(page, 'staff-page', [staffPage.getByRole('button', { name: '登録する' }), staffPage.getByTestId('staff-tanaka')]);
  await counter.shot(testInfo, 'staff-page');

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await counter.typeCredentials(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(page.getByRole('alert')).toContainText('職員IDまたはPINが違います');
  await counter.signIn('clerk2', '2468');
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await counter.signIn('tanaka', '4321');
});

test('a notice scanned on the staff page, with the focus in a field, types nothing into it and says where scans go', async ({
  counter,
  page,
  world,
}, testInfo) => {
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  await page.getByTestId('lead-panel').getByRole('button', { name: '職員の管理' }).click();
  const staffPage = page.getByTestId('staff-page');
  await staffPage.getByLabel('職員ID').focus();
  await counter.scan(world.picks.ok[2]!.reservationNo);
  await expect(staffPage.getByRole('alert')).toHaveText(/職員の管理の画面ではスキャンは使いません/);
  await expect(staffPage.getByLabel('職員ID')).toHaveValue('');
  await expectFits(page, 'staff-page-after-scan');
  await counter.shot(testInfo, 'staff-page-after-scan-1366x768');
});
