// Finding a card without the scanner: 番号入力 (F2) and 検索 (F3).
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

test.beforeEach(async ({ counter }) => {
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
});

test('manual entry with 全角 digits (F2) shows the card', async ({ counter, world, page }, testInfo) => {
  const card = world.picks.ok[2]!;
  await page.keyboard.press('F2');
  const dialog = page.getByTestId('manual-dialog');
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel(/予約管理番号/);
  await expect(field).toBeFocused();
  const typed = toFullWidth(card.reservationNo.toLowerCase()); // ｃ２ｄ－５２００３８
  await field.fill(typed);
  await expect(dialog.getByText(`→ ${card.reservationNo}`)).toBeVisible();
  await counter.shot(testInfo, 'manual-entry');
  await field.press('Enter');
  await expect(dialog).toBeHidden();
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});

test('search by kana prefix + birth date (F3) finds the resident and shows the card', async ({ counter, world, page }, testInfo) => {
  const card = world.picks.ok[3]!;
  await page.keyboard.press('F3');
  const dialog = page.getByTestId('search-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/氏名またはカナ/).fill(card.kana.slice(0, 3));
  await dialog.getByLabel(/生年月日/).fill(card.birthDate);
  await dialog.getByLabel(/生年月日/).press('Enter');
  const results = dialog.getByTestId('search-results');
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.getByRole('button')).toContainText(card.name);
  await expect(results.getByRole('button')).toContainText('交付待ち');
  await counter.shot(testInfo, 'search-results');

  // The same search with the birth date in 和暦, as residents often say it.
  const wareki = await dialog.getByTestId('search-date-hint').textContent();
  const era = /（(.+)）/.exec(wareki ?? '')?.[1];
  expect(era, 'the date hint shows the 和暦 form').toBeTruthy();
  await dialog.getByLabel(/生年月日/).fill(era!);
  await dialog.getByLabel(/生年月日/).press('Enter');
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});

test('search that finds nobody says so', async ({ page }) => {
  await page.keyboard.press('F3');
  const dialog = page.getByTestId('search-dialog');
  await dialog.getByLabel(/氏名またはカナ/).fill('ヲヲヲ');
  await dialog.getByLabel(/生年月日/).fill('1900-01-01');
  await dialog.getByLabel(/生年月日/).press('Enter');
  await expect(dialog.getByText('該当する方はいません。')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
