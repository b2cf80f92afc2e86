// After 日締め: the counter says the day is closed and a clerk's handover needs a venue lead's ID and PIN.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { replayKeys, scannerKeys } from './pages/key-replay';

test('a late resident after 日締め: the clerk is told, a lead approves with ID and PIN, the handover is recorded', async ({
  counter,
  world,
  page,
}, testInfo) => {
  // The lead closes the day in the app (the station's folder is the app's while it runs: a command that writes
  // to it is refused, FOLDER-IN-USE), then the clerk takes the counter.
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await counter.closeToday();
  await page.getByRole('button', { name: /サインアウト/ }).click();
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(page.getByTestId('status-closed')).toContainText('本日は日締め済み');
  const card = world.picks.ok[20]!;
  await counter.scanCard(card.reservationNo, card.name);
  await page.keyboard.press('Enter');
  const dialog = counter.idDialog;
  await expect(dialog.getByTestId('lead-approval')).toBeVisible();
  await dialog.getByLabel('運転免許証').check();
  await dialog.getByLabel('暗証番号設定済み').check();
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toContainText('日締め済みです。続けて記録するには会場責任者の承認');
  await expect(dialog.getByLabel('会場責任者の職員ID'), 'the keyboard goes where the clerk types next').toBeFocused();
  await expect(dialog.getByTestId('id-verdict'), 'no green “交付できます” beside the red message').toHaveCount(0);
  // A scanner fired while the lead's ID field has the focus: held as the next scan, never typed as an ID.
  await replayKeys(page, scannerKeys(world.picks.ok[21]!.reservationNo));
  await expect(dialog.getByLabel('会場責任者の職員ID')).toHaveValue('');
  await expect(dialog.getByTestId('pending-scans')).toContainText('（1件）');
  await dialog.getByLabel('会場責任者の職員ID').fill(STAFF.lead1.staffId);
  await dialog.getByLabel('PIN', { exact: true }).fill('0000');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toContainText('承認:');
  await dialog.getByLabel('PIN', { exact: true }).fill(STAFF.lead1.pin);
  await counter.shot(testInfo, 'approval');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  // The held scan comes up once the dialog closes (its result takes the confirmation's place, as any next scan does).
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(world.picks.ok[21]!.name);
  await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
});
