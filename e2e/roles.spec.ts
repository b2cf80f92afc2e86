// What only a venue lead may do: undo a handover, confirm a shipment's receipt. Clerks see neither, and
// main refuses them even when called directly.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test('a lead undoes a handover with a mandatory reason', async ({ counter, world, page }, testInfo) => {
  const card = world.picks.ok[4]!;
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await counter.scanCard(card.reservationNo, card.name);
  await counter.handOverWithLicence(card.name);
  await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
  await expect(page.getByTestId('handover-actor')).toHaveText(STAFF.lead1.displayName);

  await page.keyboard.press('F6');
  const dialog = page.getByTestId('undo-dialog');
  await expect(dialog).toBeVisible();
  const undo = dialog.getByRole('button', { name: /交付を取り消す/ });
  await expect(undo).toBeDisabled(); // no reason yet
  const reason = dialog.getByLabel('取り消す理由（必須）');
  await expect(reason).toBeFocused();
  await reason.fill('別人のカードを交付しかけたため取消（本人確認やり直し）');
  await counter.shot(testInfo, 'undo-dialog');
  await undo.click();
  await expect(dialog).toBeHidden();
  await expect(counter.notice).toContainText(`交付を取り消しました：${card.name}`);
  await counter.expectOutcome('ok', /交付できます/);
  await expect(counter.cardName).toHaveText(card.name);
  await expect(counter.statusToday).toContainText('0件');
  await counter.shot(testInfo, 'after-undo');
});

test('a clerk sees no undo, and a direct counter:undo call is forbidden', async ({ counter, world, page }) => {
  const card = world.picks.ok[5]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(card.reservationNo, card.name);
  await counter.handOverWithLicence(card.name);
  await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
  await expect(page.getByRole('button', { name: /交付を取り消す/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /会場責任者メニュー/ })).toHaveCount(0);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('undo-dialog')).toHaveCount(0);

  const result = await page.evaluate(
    (reservationNo) =>
      (globalThis as unknown as { madoguchi: Record<string, (i: unknown) => Promise<unknown>> }).madoguchi['counter:undo']!({
        reservationNo,
        reason: 'テスト',
      }),
    card.reservationNo,
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // Still handed over.
  await page.keyboard.press('Escape');
  await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
});

test('a lead confirms receipt of the late shipment; its cards become available', async ({ counter, world, page }, testInfo) => {
  const late = world.picks.notReceived;
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await counter.scan(late.reservationNo);
  await counter.expectOutcome('not-received');
  const outstandingBefore = Number((await counter.statusOutstanding.locator('strong').textContent())?.replaceAll(',', ''));

  await page.keyboard.press('F4');
  const panel = page.getByTestId('lead-panel');
  const row = panel.getByTestId(`shipment-${late.shipmentId}`);
  await expect(row).toContainText('受領確認前');
  await row.getByRole('button', { name: '箱ごと受領確認' }).click();
  await row.getByRole('button', { name: '受領を確定する' }).click();
  await expect(row).toContainText('受領確認済み');
  await counter.shot(testInfo, 'lead-panel');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(counter.statusOutstanding.locator('strong')).not.toHaveText(outstandingBefore.toLocaleString('ja-JP'));

  await counter.scanCard(late.reservationNo, late.name);
});
