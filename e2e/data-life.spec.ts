// 個人情報の保管と報告 (the lead's page), seen at 1366×768: the retention plan (what is kept, where, until when, how
// it goes), the 定期報告 printed for today and read back from its PDF (the clerk's scan counted under the clerk's
// name, no resident named), and the incident draft with its boxes to fill. The page itself never scrolls.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { PASSPHRASE } from './demo-world';
import { openDataFolder } from '../main/store/data-folder';
import { recordAccess } from '../main/access/access-record';
import { STAFF } from './demo-world';
import { printPreviewToPdf } from './pdf';
import { tokyoDate } from '../shared/tokyo-date';
import { expectFits, WINDOW_VIEWPORTS } from './pages/screen-fit';

test.describe('1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the lead reads the retention plan, prints the 定期報告 and an incident draft', async ({ counter, page, world }, testInfo) => {
    const card = world.picks.ok[2]!;
    await counter.clerkScansThenLeadOpensRecord(card);
    await page.getByRole('navigation', { name: '会場責任者の業務' }).getByRole('button', { name: '保管・報告' }).click();
    const view = page.getByTestId('data-life-page');
    await expect(view.getByRole('heading', { name: '個人情報の保管と報告' })).toBeVisible();
    const plan = view.getByTestId('retention-table');
    await expect(plan.getByTestId('retention-resident-rows')).toContainText(
      /住民の行.*データフォルダの madoguchi\.db（暗号化）\s*[\d,]+件\s*委託業務の終了/,
    );
    // The folder's place is said once, above the rows.
    await expect(plan.getByTestId('retention-data-dir')).toContainText(/データフォルダ（暗号化）: \/.*venues/);
    await expect(plan.getByTestId('retention-access-record')).toContainText('暗号消去');
    await expect(plan.getByTestId('retention-backups')).toContainText('バックアップ先の媒体');
    await expect(plan).not.toContainText(card.name);
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const scrolls = await page.evaluate('document.scrollingElement.scrollHeight > innerHeight');
    expect(scrolls, 'the page itself does not scroll at 1366×768').toBe(false);
    await page.screenshot({ path: '/tmp/datalife-page-1366x768.png' });
    await counter.shot(testInfo, 'data-life-1366x768');

    // A day it cannot read is not printed for the last day it could: the cursor stays there, its echo says why.
    await view.locator('#handling-to').fill('2026/13/01');
    await view.locator('#handling-to').press('Enter');
    await expect(view.locator('#handling-to')).toBeFocused();
    await expect(view.locator('#handling-to')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('print-preview')).toHaveCount(0);

    // Today's report, typed as staff type dates (西暦 with slashes), printed with Enter from the field.
    const today = tokyoDate(new Date());
    await view.locator('#handling-from').fill(today.replaceAll('-', '/'));
    await view.locator('#handling-to').fill(today.replaceAll('-', '/'));
    await view.locator('#handling-to').press('Enter');
    await expect(page.getByTestId('print-pages')).toHaveText('A4・全 1 ページ');
    const pdf = await printPreviewToPdf(page, testInfo, 'handling-report');
    expect(pdf.a4).toBe(true);
    expect(pdf.pages).toBe(1);
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    await page.screenshot({ path: '/tmp/datalife-preview-1366x768.png' });
    const [y, m, d] = today.split('-').map(Number);
    for (const s of [
      '個人情報の取扱状況報告（定期報告）',
      '江東区長 殿',
      `期間 ${y}年${m}月${d}日〜${y}年${m}月${d}日`,
      '端末 本庁舎',
      '保有している個人情報と場所',
      '個人情報取扱台帳（アクセス記録）',
      'スキャンで表示',
      '（clerk1）',
      'バックアップ 作成',
      '書き出したファイル',
    ])
      expect(pdf.text, s).toContain(s);
    expect(pdf.text).toMatch(/窓口 一郎/);
    expect(pdf.text).toMatch(/対象の住民 [\d,]+人/);
    expect(pdf.text, 'no resident on paper').not.toContain(card.name);
    expect(pdf.text).not.toContain(card.reservationNo);
    expect(pdf.fonts, 'the bundled font').toMatch(/NotoSansJP/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('print-preview')).toHaveCount(0);
    await expect(view, 'Esc closed the preview, not the page').toBeVisible();

    // The incident draft over this morning's hours: its three boxes to fill.
    await view.locator('#incident-from').fill(today.replaceAll('-', '/'));
    await view.getByLabel('始まりの時刻').fill('0:00');
    await view.locator('#incident-to').fill(today.replaceAll('-', '/'));
    await view.getByLabel('終わりの時刻').fill('23:59');
    await view.getByRole('button', { name: '下書きを印刷' }).click();
    const draft = await printPreviewToPdf(page, testInfo, 'incident-report');
    expect(draft.a4).toBe(true);
    for (const s of ['個人情報に係る事故の報告（下書き）', `${today.replaceAll('-', '/')} 00:00 〜`, '発生した事実', '原因', '講じた措置'])
      expect(draft.text, s).toContain(s);
  });
});

// In an app window (the screen less its title bar and taskbar), the tabs, both forms and their print buttons, and
// the head of the plan's table are in view; the table scrolls inside, the page never.
for (const viewport of WINDOW_VIEWPORTS)
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test('the page fits the window', async ({ counter, page }) => {
      await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
      await page.keyboard.press('F4');
      await page.getByTestId('lead-panel').getByRole('button', { name: '個人情報取扱台帳' }).click();
      const tabs = page.getByRole('navigation', { name: '会場責任者の業務' });
      await tabs.getByRole('button', { name: '保管・報告' }).click();
      const view = page.getByTestId('data-life-page');
      await expect(view.getByTestId('retention-resident-rows')).toBeVisible();
      await expectFits(page, 'data-life', [
        tabs.getByRole('button', { name: /窓口に戻る/ }),
        view.getByRole('button', { name: /定期報告を印刷/ }),
        view.getByRole('button', { name: '下書きを印刷' }),
        view.getByLabel('終わりの時刻'),
        view.getByRole('columnheader', { name: '消去の方法' }),
      ]);
      await page.screenshot({ path: `/tmp/datalife-page-${viewport.width}x${viewport.height}.png` });
    });
  });

test.describe('headquarters', () => {
  test.use({ site: 'hq', viewport: { width: 1280, height: 640 } });

  test('HQ staff open 保管・報告 of HQ’s own folder and print its 定期報告', async ({ counter, page }, testInfo) => {
    await counter.typeCredentials(STAFF.hq1.staffId, STAFF.hq1.pin);
    await expect(page.getByTestId('hq-office').getByTestId('hq-ledgers')).toBeVisible();
    await expectFits(page, 'hq-office-data-life-button', [page.getByTestId('hq-office').getByRole('button', { name: '保管・報告' })]);
    await page.getByTestId('hq-office').getByRole('button', { name: '保管・報告' }).click();
    const view = page.getByTestId('data-life-page');
    await expect(view.getByTestId('retention-resident-rows')).toContainText('事務センターの送付記録');
    await expectFits(page, 'hq-data-life', [view.getByRole('button', { name: /定期報告を印刷/ }), view.getByLabel('終わりの時刻')]);
    await page.screenshot({ path: '/tmp/datalife-hq-1280x640.png' });
    const today = tokyoDate(new Date()).replaceAll('-', '/');
    await view.locator('#handling-from').fill(today);
    await view.locator('#handling-to').fill(today);
    await view.locator('#handling-to').press('Enter');
    const pdf = await printPreviewToPdf(page, testInfo, 'hq-handling-report');
    expect(pdf.a4).toBe(true);
    for (const s of ['個人情報の取扱状況報告（定期報告）', '事務センター', '印刷者 事務センター 職員', 'サインイン・画面ロック等'])
      expect(pdf.text, s).toContain(s);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('hq-office'), 'Esc went back to the office screen').toBeVisible();
  });
});

/** Two files the station wrote out (as the 未受領 CSV is): one still beside the folder, one since removed. */
function twoFilesWrittenOut(dataDir: string): void {
  const opened = openDataFolder(dataDir, PASSPHRASE);
  if (!opened.ok) throw new Error(opened.error.message);
  const { db, stationId } = opened.value.store;
  const kept = join(dataDir, '..', '未受領一覧-kept.csv');
  writeFileSync(kept, 'x');
  for (const destination of [join(dataDir, '..', '未受領一覧-removed.csv'), kept])
    recordAccess(
      db,
      { now: () => new Date() },
      { stationId, actor: 'lead:lead1', action: 'export', subject: null, detail: { document: 'uncollected', destination, rows: 3 } },
    );
  opened.value.store.close();
}

test.describe('files written out', () => {
  // A function as a fixture's value would be taken for the fixture itself: it is handed over by one.
  // eslint-disable-next-line no-empty-pattern
  test.use({ viewport: { width: 1366, height: 768 }, prepareFolder: async ({}, use) => use(twoFilesWrittenOut) });

  test('each file written out is listed where it went, the one no longer there in red', async ({ counter, page }) => {
    await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
    await page.keyboard.press('F4');
    await page.getByTestId('lead-panel').getByRole('button', { name: '個人情報取扱台帳' }).click();
    await page.getByRole('navigation', { name: '会場責任者の業務' }).getByRole('button', { name: '保管・報告' }).click();
    const files = page.getByTestId('retention-plaintext-files');
    await expect(files).toContainText('1ファイル');
    await expect(files.locator('li')).toHaveCount(2);
    await expect(files.locator('li').first()).toContainText('未受領一覧-kept.csv');
    await expect(files.locator('li.retention-missing')).toContainText(/未受領一覧-removed\.csv（見当たりません）/);
    await expect(files, 'every file is listed: no count of the missing besides').not.toContainText('見当たらないもの 1件');
    await files.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/datalife-files-1366x768.png' });
  });
});
