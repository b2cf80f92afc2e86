// HQ's own 個人情報取扱台帳 at 1366×768: HQ staff open it from the 事務センター screen, see their sign-in and a
// ledger print, narrow it by staff and by resident, and print it; only the table scrolls.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { printPreviewToPdf } from './pdf';

test.use({ site: 'hq', viewport: { width: 1366, height: 768 } });

test('HQ staff read and print HQ’s own record of use, by day, staff and resident', async ({ counter, world, page }, testInfo) => {
  await counter.typeCredentials(STAFF.hq1.staffId, STAFF.hq1.pin);
  const office = page.getByTestId('hq-office');
  // A ledger print first: a use of every resident on it.
  await office.getByTestId(`hq-ledger-${world.shipmentId}-sogo`).getByRole('button', { name: '台帳を印刷' }).click();
  await expect(page.getByTestId('print-pages')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-preview')).toHaveCount(0);

  await counter.shot(testInfo, 'hq-office-1366x768');
  await office.getByRole('button', { name: '個人情報取扱台帳' }).click();
  const view = page.getByTestId('access-page');
  const table = view.getByTestId('access-table');
  await expect(view.getByRole('heading', { name: '個人情報取扱台帳（事務センターでの利用）' })).toBeVisible();
  await expect(table.locator('tbody tr').filter({ hasText: 'サインイン' }).first()).toContainText('事務センター');
  await expect(table.locator('tbody tr').filter({ hasText: '送付台帳（総合区民センター）' })).toContainText(/\d+人分の一覧/);
  // Nothing of a venue's counter: no scanning here.
  await expect(view).not.toContainText('スキャン');
  const scrolls = await page.evaluate('document.scrollingElement.scrollHeight > innerHeight');
  expect(scrolls, 'the page itself does not scroll at 1366×768').toBe(false);
  await counter.shot(testInfo, 'hq-access-record-day-1366x768');

  // By staff: another id has no uses here; HQ's own staff's are all theirs.
  await view.getByLabel('職員ID').fill('clerk1');
  await view.getByLabel('職員ID').press('Enter');
  await expect(view).toContainText('該当する利用の記録はありません。');
  await view.getByLabel('職員ID').fill(STAFF.hq1.staffId);
  await view.getByLabel('職員ID').press('Enter');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  for (const id of await table.locator('tbody tr td:nth-child(3) .status-sub').allTextContents()) expect(id).toBe('（hq1）');

  // By resident, on every day: one on the printed ledger was used by that print.
  const resident = world.picks.otherVenue.reservationNo;
  await view.getByLabel('職員ID').fill('');
  await view.getByLabel('日付').fill('');
  await view.getByLabel('予約管理番号').fill(resident);
  await view.getByLabel('予約管理番号').press('Enter');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('送付台帳（総合区民センター）');
  await counter.shot(testInfo, 'hq-access-record-resident-1366x768');

  await view.getByRole('button', { name: '印刷' }).click();
  await expect(page.getByTestId('print-pages')).toHaveText('A4・全 1 ページ');
  const pdf = await printPreviewToPdf(page, testInfo, 'hq-access-record');
  expect(pdf.a4).toBe(true);
  expect(pdf.text).toContain('個人情報取扱台帳');
  expect(pdf.text).toContain('事務センター');
  // Read again for paper: the look at this resident a moment ago is on it now, beside the ledger print.
  expect(pdf.text).toContain(`予約管理番号 ${resident}・2件`);
  expect(pdf.text).toContain('取扱台帳の閲覧');
  expect(pdf.fonts, 'the bundled font').toMatch(/NotoSansJP/);
  await page
    .getByTestId('print-preview')
    .getByRole('button', { name: /閉じる/ })
    .click();

  // The print is itself on the record; Esc goes back to the office screen.
  await view.getByLabel('予約管理番号').press('Enter');
  await expect(table.locator('tbody tr').filter({ hasText: '個人情報取扱台帳' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(office).toBeVisible();
});
