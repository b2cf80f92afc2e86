// The counter's main path, and what a re-scan shows afterwards.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { PHOTO_ID_DOCUMENTS, PIN_OUTCOMES, PROXY_LETTERS, PROXY_REASONS } from '../shared/counter/id-documents';

test('sign in → scan → ID check → hand over → re-scan shows 交付済み with station and staff', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const card = world.picks.ok[0]!;
  await counter.shot(testInfo, '01-sign-in');
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(page.getByTestId('status-venue')).toContainText('本庁舎');
  await expect(counter.statusToday).toContainText('0件');
  const outstandingBefore = Number((await counter.statusOutstanding.locator('strong').textContent())?.replaceAll(',', '') ?? 'NaN');
  await counter.shot(testInfo, '02-waiting-for-scan');

  await counter.scan(card.reservationNo);
  await counter.expectOutcome('ok', /交付できます/);
  await expect(counter.cardName).toHaveText(card.name);
  await expect(counter.outcome.getByTestId('card-kana')).toHaveText(card.kana);
  await expect(counter.outcome.getByTestId('card-number')).toHaveText(card.reservationNo);
  await counter.shot(testInfo, '03-outcome-ok');

  // ID check: the confirm button stays disabled and says what is missing until the rules are met.
  await page.keyboard.press('Enter');
  const dialog = counter.idDialog;
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: /交付する/ });
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByTestId('id-verdict')).toContainText('本人確認書類が不足');
  await dialog.getByLabel('健康保険の資格確認書・保険証').check();
  await expect(dialog.getByTestId('id-verdict')).toContainText('本人確認書類が不足'); // one non-photo document is not enough
  await dialog.getByLabel('年金手帳・年金証書').check();
  await expect(dialog.getByTestId('id-verdict')).toContainText('暗証番号');
  await dialog.getByLabel('通知カード').last().check(); // surrendered
  await dialog.getByLabel('暗証番号設定済み').check();
  await expect(dialog.getByTestId('id-verdict')).toHaveText(/交付できます/);
  await expect(confirm).toBeEnabled();
  await counter.shot(testInfo, '04-id-check');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(counter.notice).toContainText(`交付を記録しました：${card.name}`);
  await expect(page.getByText('バーコードをスキャンしてください')).toBeVisible();
  await expect(counter.statusToday).toContainText('1件');
  await expect(counter.statusOutstanding.locator('strong')).toHaveText((outstandingBefore - 1).toLocaleString('ja-JP'));
  await counter.shot(testInfo, '05-handed-over');

  await counter.scan(card.reservationNo);
  await counter.expectOutcome('already-handed-over', /交付済み/);
  await expect(counter.cardName).toHaveText(card.name);
  // Names, not ids: who handed it over and where, as people call them; the moment as 2026/12/02 19:42.
  await expect(page.getByTestId('handover-station')).toHaveText('本庁舎 窓口1');
  await expect(page.getByTestId('handover-actor')).toHaveText(STAFF.clerk1.displayName);
  await expect(counter.outcome).not.toContainText('honchosha-demo01');
  await expect(counter.outcome).not.toContainText('clerk1');
  await expect(page.getByTestId('handover-at')).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  await counter.shot(testInfo, '06-rescan-already-handed-over');

  await page.keyboard.press('Escape');
  await expect(page.getByText('バーコードをスキャンしてください')).toBeVisible();
});

test('a proxy (代理人) hand-over, done with the keyboard alone', async ({ counter, world, page }, testInfo) => {
  const card = world.picks.ok[13]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(card.reservationNo, card.name);
  await page.keyboard.press('Enter');
  const dialog = counter.idDialog;
  const focused = (locator: ReturnType<typeof dialog.locator>) => expect(locator).toBeFocused();
  await focused(dialog.getByLabel('本人', { exact: true }));
  await page.keyboard.press('ArrowRight'); // 来庁者: 代理人
  await expect(dialog.getByLabel('代理人', { exact: true })).toBeChecked();
  // Ctrl+Enter with something missing names it beside the button and takes the focus there.
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByTestId('confirm-missing')).toContainText('来庁理由');
  const reason = dialog.getByLabel('代理人の来庁理由');
  await focused(reason);
  await page.keyboard.press('ArrowDown'); // 来庁理由: 病気・けが (the first)
  await expect(reason).toHaveValue(PROXY_REASONS[0].id);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // 委任状
  await expect(dialog.getByLabel('代理人が持参した書類')).toHaveValue(PROXY_LETTERS[1].id);
  await expect(dialog.getByTestId('id-verdict')).toContainText('代理人の本人確認書類が不足');
  await page.keyboard.press('Control+Enter'); // → the proxy's documents, first box
  await focused(dialog.locator('input[name="proxy-documents-photo"]').first());
  await page.keyboard.press('Space'); // 代理人: one photo ID
  await expect(dialog.getByTestId('doc-tab-proxy')).toContainText('確認済み');
  await page.keyboard.press('Control+Enter'); // → the resident's documents
  await focused(dialog.locator('input[name="documents-photo"]').first());
  // 本人（申請者）の書類: the first two without a photo.
  for (let i = 0; i < PHOTO_ID_DOCUMENTS.length; i++) await page.keyboard.press('Tab');
  await focused(dialog.locator('input[name="documents-other"]').first());
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(dialog.getByTestId('id-verdict')).toContainText('暗証番号');
  await page.keyboard.press('Control+Enter'); // → 暗証番号
  await focused(dialog.getByLabel(PIN_OUTCOMES[0].label));
  await page.keyboard.press('ArrowRight'); // 顔認証
  await expect(dialog.getByLabel(PIN_OUTCOMES[1].label)).toBeChecked();
  await expect(dialog.getByTestId('id-verdict')).toHaveText(/交付できます/);
  await counter.shot(testInfo, 'proxy-id-check');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(counter.notice).toContainText(`交付を記録しました：${card.name}`);
});

test('ID check fails → 交付できない with a reason; the card stays outstanding', async ({ counter, world, page }, testInfo) => {
  const card = world.picks.ok[14]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(card.reservationNo, card.name);
  await page.keyboard.press('Enter');
  await counter.idDialog.getByLabel('社員証').check(); // one document without a photo: not enough
  await expect(counter.idDialog.getByRole('button', { name: /交付する/ })).toBeDisabled();
  await counter.idDialog.getByRole('button', { name: '交付できない' }).click();
  const refuse = page.getByTestId('refuse-dialog');
  await expect(refuse).toBeVisible();
  await expect(refuse.getByRole('radio', { name: '本人確認書類が不足' })).toBeChecked(); // carried over from the ID check
  await expect(refuse.getByLabel(/詳しい理由/)).toHaveValue(/本人確認書類が不足しています/);
  await counter.shot(testInfo, 'refuse-dialog');
  await refuse.getByRole('button', { name: /交付できないとして記録/ }).click();
  await expect(refuse).toBeHidden();
  await expect(counter.notice).toContainText('交付できなかったことを記録しました');
  await expect(counter.statusToday).toContainText('0件');

  await counter.scanCard(card.reservationNo, card.name, 'ok');
  await expect(counter.outcome).toContainText('過去に 1 回、交付できなかった記録があります');
});
