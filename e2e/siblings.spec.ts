// 本庁舎 has two counter stations in the demo: the lead takes in the other station's sync file from the menu.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test('the lead takes in the other 本庁舎 station’s file from the menu; a second time there is nothing new', async ({
  counter,
  page,
}, testInfo) => {
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  const panel = page.getByTestId('lead-panel');
  await panel.getByRole('button', { name: 'ほかの端末の記録を取り込む' }).click();
  await expect(panel.getByRole('status')).toHaveText('ほかの端末の同期ファイルを 1件取り込みました');
  await counter.shot(testInfo, 'siblings-pulled');
  await panel.getByRole('button', { name: 'ほかの端末の記録を取り込む' }).click();
  await expect(panel.getByRole('status')).toHaveText('ほかの端末の同期ファイルを 0件取り込みました');
});
