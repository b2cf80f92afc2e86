// 本庁舎 has two counter stations in the demo; 窓口2 published a file 窓口1 had not taken in. 窓口1 takes it in by
// itself when it opens (and every sibling-pull-minutes), so the lead's menu finds nothing new to take.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test('the station takes in the other 本庁舎 station’s file by itself when it opens; the lead’s menu then finds nothing new', async ({
  counter,
  page,
}, testInfo) => {
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  const panel = page.getByTestId('lead-panel');
  await panel.getByRole('button', { name: 'ほかの端末の記録を取り込む' }).click();
  await expect(panel.getByRole('status')).toHaveText('ほかの端末の同期ファイルを 0件取り込みました');
  await counter.shot(testInfo, 'siblings-pulled');
});
