// Every screen fits a counter PC's app window (1366×768 and 1280×720 screens, less a title bar and the
// taskbar) with no page scrolling: the counter's results, dialogs and gates wholly; the lead's and HQ's
// pages scroll only inside, with their actions and errors in view. Screenshots: test-results/screen-fit/.
// Also: the common handover in three keys after the scan.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { PASSPHRASE, STAFF } from './demo-world';
import { expectFits, WINDOW_VIEWPORTS } from './pages/screen-fit';
import type { CounterPage } from './pages/counter-page';

const escHint = (page: Page) => page.getByTestId('outcome-footer');
const actionBar = (page: Page) => page.getByRole('navigation', { name: '操作' });

async function outcomeFits(counter: CounterPage, code: string, kind: string, name: string) {
  await counter.scan(code);
  await counter.expectOutcome(kind);
  await expectFits(counter.page, name, [counter.headline, escHint(counter.page), actionBar(counter.page)]);
  await counter.page.keyboard.press('Escape');
}

for (const viewport of WINDOW_VIEWPORTS) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the counter: results of every kind, the ID check both ways, refusal, search, manual entry', async ({ counter, world, page }) => {
      const card = world.picks.ok[3]!;
      await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
      await expectFits(page, 'idle', [actionBar(page)]);

      await page.keyboard.press('F3');
      const search = page.getByTestId('search-dialog');
      await search.getByLabel(/氏名またはカナ/).fill(card.kana.slice(0, 2));
      await search.getByLabel(/生年月日/).fill(card.birthDate);
      await search.getByLabel(/生年月日/).press('Enter');
      await expect(search.getByTestId('search-results')).toContainText(card.name);
      await expectFits(page, 'search', [search.getByRole('button', { name: /閉じる/ }), search.getByText(card.name)]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('F2');
      await expectFits(page, 'manual-entry', [page.getByTestId('manual-dialog').getByRole('button', { name: /表示/ })]);
      await page.keyboard.press('Escape');

      await counter.scanCard(card.reservationNo, card.name);
      await expectFits(page, 'outcome-ok', [page.getByRole('button', { name: /本人確認へ/ }), escHint(page), actionBar(page)]);

      await page.keyboard.press('Enter');
      const dialog = counter.idDialog;
      const confirm = dialog.getByRole('button', { name: /交付する/ });
      await expectFits(page, 'id-check', [
        confirm,
        dialog.getByRole('button', { name: /キャンセル/ }),
        dialog.getByText('1', { exact: true }),
      ]);
      await page.keyboard.press('Control+Enter'); // nothing ticked: says what is missing, beside the button
      await expect(dialog.getByTestId('confirm-missing')).toContainText('本人確認書類が不足');
      await expect(dialog.locator('input[name="documents-photo"]').first()).toBeFocused();
      await expectFits(page, 'id-check-missing', [confirm, dialog.getByTestId('confirm-missing')]);

      await dialog.getByLabel('代理人', { exact: true }).check();
      await page.keyboard.press('Control+Enter');
      await expect(dialog.getByTestId('confirm-missing')).toContainText('来庁理由');
      await expectFits(page, 'id-check-proxy', [confirm, dialog.getByTestId('confirm-missing'), dialog.getByLabel('代理人の来庁理由')]);
      await page.keyboard.press('Escape');

      await page.keyboard.press('F8');
      const refuse = page.getByTestId('refuse-dialog');
      await expectFits(page, 'refusal', [refuse.getByRole('button', { name: /交付できないとして記録/ })]);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Enter');
      await page.keyboard.press('1');
      await page.keyboard.press('Control+Enter');
      await expect(counter.notice).toContainText(`交付を記録しました：${card.name}`);
      await expectFits(page, 'handed-over', [counter.notice, actionBar(page)]);
      await outcomeFits(counter, card.reservationNo, 'already-handed-over', 'outcome-already-handed-over');
      await outcomeFits(counter, world.picks.otherVenue.reservationNo, 'other-venue', 'outcome-other-venue');
      await outcomeFits(counter, world.picks.unknownNo, 'not-in-ledger', 'outcome-not-in-ledger');
      await outcomeFits(counter, world.picks.notReceived.reservationNo, 'not-received', 'outcome-not-received');
      await outcomeFits(counter, 'NOT-A-NUMBER', 'malformed', 'outcome-malformed');
    });

    test('the ID check with the next notice scanned early: the held scan is said, and the check still fits both ways', async ({
      counter,
      world,
      page,
    }) => {
      const [card, next] = [world.picks.ok[4]!, world.picks.ok[5]!];
      await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
      await counter.scanCard(card.reservationNo, card.name);
      await page.keyboard.press('Enter');
      const dialog = counter.idDialog;
      await counter.scan(next.reservationNo);
      const held = dialog.getByTestId('pending-scans');
      await expect(held).toContainText('1件');
      const confirm = dialog.getByRole('button', { name: /交付する/ });
      const cancel = dialog.getByRole('button', { name: /キャンセル/ });
      await page.keyboard.press('Control+Enter');
      await expect(dialog.getByTestId('confirm-missing')).toContainText('本人確認書類が不足');
      await expectFits(page, 'id-check-held', [held, confirm, cancel, dialog.getByTestId('confirm-missing')]);
      // Said under the title, not over it.
      const title = (await dialog.getByRole('heading', { name: '本人確認' }).boundingBox())!;
      expect(title.y + title.height).toBeLessThanOrEqual((await held.boundingBox())!.y + 1);
      await dialog.getByLabel('代理人', { exact: true }).check();
      await page.keyboard.press('Control+Enter');
      await expect(dialog.getByTestId('confirm-missing')).toContainText('来庁理由');
      await expectFits(page, 'id-check-proxy-held', [held, confirm, cancel, dialog.getByTestId('confirm-missing')]);
      // The check cancelled, the scan still held: the counter's other dialogs say so and fit too.
      await page.keyboard.press('Escape');
      await page.keyboard.press('F8');
      const refuse = page.getByTestId('refuse-dialog');
      await expectFits(page, 'refusal-held', [
        refuse.getByTestId('pending-scans'),
        refuse.getByRole('button', { name: /交付できないとして記録/ }),
      ]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('F3');
      const search = page.getByTestId('search-dialog');
      await expectFits(page, 'search-held', [search.getByTestId('pending-scans'), search.getByRole('button', { name: /閉じる/ })]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('F2');
      const manual = page.getByTestId('manual-dialog');
      await expectFits(page, 'manual-entry-held', [manual.getByTestId('pending-scans'), manual.getByRole('button', { name: /表示/ })]);
    });

    test('the lead: undo, the menu, receipt check with an error, reconciliation, corrections, returns', async ({
      counter,
      world,
      page,
    }) => {
      const card = world.picks.ok[4]!;
      const damaged = world.picks.ok[5]!;
      await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
      await counter.scanCard(card.reservationNo, card.name);
      await counter.handOverWithLicence(card.name);
      await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
      await expectFits(page, 'outcome-handed-over-lead', [page.getByRole('button', { name: /交付を取り消す/ }), escHint(page)]);
      await page.keyboard.press('F6');
      const undo = page.getByTestId('undo-dialog');
      await expectFits(page, 'undo', [undo.getByRole('button', { name: /交付を取り消す/ })]);
      await page.keyboard.type('別人に記録した');
      await page.keyboard.press('Control+Enter');
      await expect(counter.notice).toContainText(`交付を取り消しました：${card.name}`);
      await counter.expectOutcome('ok');
      await expectFits(page, 'after-undo', [counter.notice, counter.headline, escHint(page)]);
      await page.keyboard.press('Escape');

      await page.keyboard.press('F4');
      const menu = page.getByTestId('lead-panel');
      await expect(menu.getByRole('button', { name: '照合・日報・日締め' })).toBeFocused();
      // The menu fits (its ledger import folded) and opens at its top.
      await expectFits(page, 'lead-menu', [
        menu.getByRole('heading', { name: '会場責任者メニュー' }),
        menu.getByRole('button', { name: '照合・日報・日締め' }),
      ]);
      expect(await menu.evaluate((d) => d.scrollTop)).toBe(0);
      await menu.getByTestId(`shipment-${world.lateShipmentId}`).getByRole('button', { name: 'スキャンで受領確認' }).click();
      const check = page.getByTestId('receipt-check');
      await check.getByRole('button', { name: '受領確認を締める' }).click();
      await expect(check.getByRole('alert')).toContainText('理由が未入力の差異');
      await expectFits(page, 'receipt-check-error', [check.getByRole('alert'), check.getByRole('button', { name: '受領確認を締める' })]);
      await check.getByRole('button', { name: /中断して窓口に戻る/ }).click();

      await page.keyboard.press('F4');
      await page.getByRole('button', { name: '照合・日報・日締め' }).click();
      const recon = page.getByTestId('reconciliation-page');
      await expect(recon.getByTestId('recon-verdict')).toBeVisible();
      const back = page.getByRole('button', { name: /窓口に戻る/ });
      await expectFits(page, 'lead-reconciliation', [
        back,
        recon.getByRole('button', { name: '日報を印刷' }),
        recon.getByTestId('recon-verdict'),
      ]);

      await page.getByRole('button', { name: '訂正', exact: true }).click();
      const corrections = page.getByTestId('corrections-page');
      await counter.scan(damaged.reservationNo);
      // The card's whole form is in view as it appears, its button too, without the lead scrolling.
      await expect(corrections.getByRole('button', { name: '訂正を記録する' })).toBeInViewport({ ratio: 1 });
      await corrections.getByLabel('破損として記録する').check();
      await corrections.getByRole('button', { name: '訂正を記録する' }).click();
      await expect(corrections.getByRole('alert')).toBeVisible();
      await expectFits(page, 'lead-corrections', [back, corrections.getByRole('alert')]);
      await corrections.getByLabel('理由（必須）').fill('券面に傷');
      await corrections.getByRole('button', { name: '訂正を記録する' }).click();
      await expect(corrections.getByTestId('correction-done')).toBeVisible();

      await page.getByRole('button', { name: '返戻', exact: true }).click();
      const returns = page.getByTestId('returns-page');
      const first = returns.getByTestId('overdue-table').locator('tbody tr').first();
      const overdueNo = (await first.locator('td').nth(1).textContent())!;
      await counter.scan(overdueNo);
      await expect(returns.getByTestId('returns-last')).toContainText('返戻に追加しました');
      const record = returns.getByRole('button', { name: /返戻を記録する/ });
      await expectFits(page, 'lead-returns', [back, record, returns.getByTestId('returns-last')]);
      await record.click();
      await expect(returns.getByTestId('returns-recorded')).toBeVisible();

      await page.getByRole('button', { name: '職員', exact: true }).click();
      const staffPage = page.getByTestId('staff-page');
      await expect(staffPage.getByTestId('staff-table')).toBeVisible();
      await expectFits(page, 'lead-staff', [back, staffPage.getByRole('button', { name: '登録する' })]);

      await page.getByRole('button', { name: 'バックアップ', exact: true }).click();
      const backupPage = page.getByTestId('backup-page');
      await expect(backupPage.getByTestId('backup-folder-unset')).toContainText('未設定');
      await expectFits(page, 'lead-backup', [
        back,
        backupPage.getByRole('button', { name: '今すぐバックアップ' }),
        backupPage.getByRole('button', { name: '保存' }),
        backupPage.getByTestId('backup-folder-unset'),
      ]);
      await page.keyboard.press('Escape');
      await outcomeFits(counter, damaged.reservationNo, 'damaged', 'outcome-damaged');
      await outcomeFits(counter, overdueNo, 'returned', 'outcome-returned');
    });

    test.describe('a station started locked', () => {
      test.use({ serveArgs: ['--locked'], unlockedStart: false });
      test('station unlock, sign-in with an error, the lock screen', async ({ counter, page }) => {
        const field = page.getByLabel('会場のパスフレーズ');
        await field.fill('wrong passphrase');
        await field.press('Enter');
        await expect(page.getByRole('alert')).toBeVisible();
        await expectFits(page, 'station-unlock', [page.getByRole('alert'), page.getByRole('button', { name: /ロックを解除/ })]);
        await field.fill(PASSPHRASE);
        await field.press('Enter');
        await counter.typeCredentials(STAFF.clerk1.staffId, '0000');
        await expect(page.getByRole('alert')).toBeVisible();
        await expectFits(page, 'sign-in', [page.getByRole('alert'), page.getByRole('button', { name: /サインイン/ })]);
        await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
        await page.keyboard.press('Control+l');
        await expectFits(page, 'lock', [page.getByRole('button', { name: /解除/ })]);
      });
    });

    test.describe('headquarters', () => {
      test.use({ site: 'hq' });
      test('HQ office: ledgers and the ward report, headers unbroken', async ({ counter, page }) => {
        await counter.typeCredentials(STAFF.hq1.staffId, STAFF.hq1.pin);
        const office = page.getByTestId('hq-office');
        await expect(office.getByTestId('ward-figures')).toBeVisible();
        await expectFits(page, 'hq-office', [office.getByRole('button', { name: 'サインアウト' })]);
        // No header is squeezed to a character a line: each is at most two lines (~30 px each at this type).
        for (const th of await office.locator('thead th').all()) {
          expect((await th.boundingBox())!.height, `header ${await th.textContent()}`).toBeLessThan(90);
        }
      });
    });
  });
}

test.use({ viewport: WINDOW_VIEWPORTS[0] });

test('the common handover in three keys after the scan: Enter, 1, Ctrl+Enter', async ({ counter, world, page }) => {
  const card = world.picks.ok[6]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(card.reservationNo, card.name);
  for (const key of ['Enter', '1', 'Control+Enter']) await page.keyboard.press(key);
  await expect(counter.notice).toContainText(`交付を記録しました：${card.name}`);
  await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
  await expect(counter.headline).toHaveText('交付済み');
});
