// Nothing personal lingers at the counter: a result goes back to waiting after the station's
// `personal-data-seconds`, a confirmation then stops naming the resident, and the lead's pages never show it.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { BIN, PASSPHRASE, ROOT, STAFF } from './demo-world';

test('a result returns to waiting and a confirmation stops naming the resident after personal-data-seconds', async ({
  counter,
  server,
  world,
  page,
}, testInfo) => {
  execFileSync(process.execPath, [BIN, 'settings', 'personal-data-seconds', '10', '--data', server.dataDir], {
    cwd: ROOT,
    env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE },
  });
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  const [first, second] = world.picks.ok;
  // The page's timers run on a clock the test moves: the seconds pass at once, not in the suite's time.
  await page.clock.install();

  await counter.scanCard(first!.reservationNo, first!.name);
  await page.clock.runFor(5_000);
  await expect(counter.cardName, 'still up after 5 s').toHaveText(first!.name);
  await page.clock.runFor(5_500);
  await expect(counter.outcome).toBeHidden();
  await expect(page.getByText(first!.name)).toHaveCount(0);
  await counter.shot(testInfo, 'result-expired');

  // The ID check keeps the card up however long it takes; the confirmation then names no one after a while.
  await counter.scanCard(second!.reservationNo, second!.name);
  await page.keyboard.press('Enter');
  await expect(counter.idDialog).toBeVisible();
  await page.clock.runFor(11_000);
  await expect(counter.idDialog.getByTestId('card-name'), 'not taken away mid-check').toHaveText(second!.name);
  await counter.idDialog.getByLabel('運転免許証').check();
  await counter.idDialog.getByLabel('暗証番号設定済み').check();
  await counter.idDialog.getByRole('button', { name: /交付する/ }).click();
  await expect(counter.notice).toContainText(`交付を記録しました：${second!.name}`);
  await page.clock.runFor(10_500);
  await expect(counter.notice).toHaveText(/^\d{2}:\d{2} 交付を記録しました$/);
  await expect(page.getByText(second!.name)).toHaveCount(0);

  // A fresh confirmation is anonymised at once when the lead's pages open over the counter.
  await counter.scanCard(first!.reservationNo, first!.name);
  await page.keyboard.press('F8');
  const refuse = page.getByTestId('refuse-dialog');
  await refuse.getByRole('radio', { name: '本人確認書類が不足' }).check();
  await refuse.getByRole('button', { name: /交付できないとして記録/ }).click();
  await expect(refuse).toBeHidden();
  await expect(counter.notice).toContainText(first!.name);
  await page.keyboard.press('F4');
  await expect(page.getByText(first!.name)).toHaveCount(0, { timeout: 3_000 });
  await expect(counter.notice).toHaveText(/交付できなかったことを記録しました$/);
  await counter.shot(testInfo, 'lead-menu-anonymous');
});
