// A scan that arrives while the ID check is open waits; it is never applied to the open dialog's card.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test('a scan during the ID check is held, not applied, and shown after the dialog closes', async ({ counter, world, page }, testInfo) => {
  const [a, b] = [world.picks.ok[10]!, world.picks.ok[11]!];
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(a.reservationNo, a.name);
  await page.keyboard.press('Enter');
  const dialog = counter.idDialog;
  await expect(dialog.getByTestId('card-name')).toHaveText(a.name);
  const licence = dialog.getByLabel('運転免許証');
  await licence.check();
  await licence.focus(); // the scanner types while a checkbox has the focus

  await counter.scan(b.reservationNo);
  await expect(dialog.getByTestId('pending-scans')).toContainText('スキャン保留（1件）');
  await expect(dialog.getByTestId('card-name')).toHaveText(a.name); // still A
  await expect(licence).toBeChecked(); // the scan's keys ticked and pressed nothing
  await expect(dialog.getByLabel('暗証番号設定済み')).not.toBeChecked();
  await counter.shot(testInfo, 'scan-held-during-id-check');

  await dialog.getByLabel('暗証番号設定済み').check();
  await dialog.getByRole('button', { name: /交付する/ }).click();
  await expect(dialog).toBeHidden();
  // A was handed over; the held scan (B) comes up next, untouched.
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(b.name);
  await expect(counter.notice).toHaveCount(0);
  await expect(page.getByTestId('pending-scans')).toHaveCount(0);
  await counter.shot(testInfo, 'held-scan-shown');

  await page.keyboard.press('Escape');
  await counter.scanCard(a.reservationNo, a.name, 'already-handed-over');
  await counter.scanCard(b.reservationNo, b.name, 'ok');
});

test('a cancelled ID check or a closed search leaves the result up, with the held scan waiting for Esc; a number asked for in 番号入力 comes first', async ({
  counter,
  world,
  page,
}) => {
  const [a, b, c] = [world.picks.ok[12]!, world.picks.ok[13]!, world.picks.ok[9]!];
  const pending = page.getByTestId('pending-scans');
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(a.reservationNo, a.name);
  await page.keyboard.press('Enter');
  await expect(counter.idDialog).toBeVisible();
  await counter.scan(b.reservationNo);
  await expect(counter.idDialog.getByTestId('pending-scans')).toContainText('（1件）');
  // The clerk is still with A: cancelling the ID check does not put B over A's result.
  await page.keyboard.press('Escape');
  await expect(counter.idDialog).toBeHidden();
  await expect(counter.cardName).toHaveText(a.name);
  await expect(pending).toHaveText('1件のスキャンを保留中：Escで次を表示');
  await page.waitForTimeout(800);
  await expect(counter.cardName).toHaveText(a.name);

  // A search closed without choosing: the same. A number typed into 番号入力 (F2): shown before the scan that waited.
  await page.keyboard.press('F3');
  const search = page.getByTestId('search-dialog');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(counter.cardName).toHaveText(a.name);
  await page.keyboard.press('F2');
  await page.getByRole('dialog').getByRole('textbox').fill(c.reservationNo);
  await page.keyboard.press('Enter');
  await expect(counter.cardName).toHaveText(c.name);
  await expect(pending).toHaveText('1件のスキャンを保留中：Escで次を表示');
  await page.keyboard.press('Escape');
  await expect(counter.cardName).toHaveText(b.name);
  await expect(pending).toHaveCount(0);
});
