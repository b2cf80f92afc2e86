// 受領確認 by scanning: the late shipment's box is unpacked; one card is missing and one belongs elsewhere;
// the check closes only with a reason for each; the counter then hands over what was received, not the rest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { BIN, ROOT, STAFF } from './demo-world';

/** The late shipment's reservation numbers that went to 本庁舎 (from the demo's second roster). */
function lateAtHonchosha(worldDir: string): string[] {
  const text = iconv.decode(readFileSync(join(worldDir, 'roster-2.csv')), 'cp932');
  const rows = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  const routed = (() => {
    try {
      return execFileSync(process.execPath, [BIN, 'route'], {
        cwd: ROOT,
        input: rows.map((r) => r[4]).join('\n') + '\n',
        encoding: 'utf8',
      });
    } catch (e) {
      return (e as { stdout: string }).stdout;
    }
  })().split('\n');
  return rows.filter((_, i) => routed[i]?.startsWith('honchosha')).map((r) => r[0]!);
}

test('a receipt check with one missing and one unexpected card: reasons recorded, counts show them, the counter follows', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const late = lateAtHonchosha(world.dir);
  expect(late.length).toBeGreaterThanOrEqual(2);
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  await page.getByTestId(`shipment-${world.lateShipmentId}`).getByRole('button', { name: 'スキャンで受領確認' }).click();
  const screen = page.getByTestId('receipt-check');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('receipt-counts')).toContainText(`送付 ${late.length}件・読取 0件`);

  for (const no of late.slice(1)) {
    await counter.scan(no);
    await expect(page.getByTestId('receipt-last')).toContainText(`${no}：受領しました`);
  }
  await counter.scan(world.picks.otherVenue.reservationNo);
  await expect(page.getByTestId('receipt-last')).toContainText('別の会場のカードです');
  await expect(page.getByTestId('receipt-counts')).toContainText(`読取 ${late.length - 1}件・不足 1件・余剰 1件`);

  await screen.getByRole('button', { name: '受領確認を締める' }).click();
  await expect(screen.getByRole('alert')).toContainText('理由が未入力の差異が 2 件');
  await screen.getByLabel(`${late[0]} の理由`).selectOption('未着');
  await screen.getByLabel(`${world.picks.otherVenue.reservationNo} の理由`).selectOption('誤配送');
  await screen.getByLabel(`${world.picks.otherVenue.reservationNo} のメモ`).fill('総合区民センターへ転送');
  await counter.shot(testInfo, 'receipt-check-differences');
  await screen.getByRole('button', { name: '受領確認を締める' }).click();
  await expect(page.getByTestId('receipt-closed')).toBeVisible();
  await screen.getByRole('button', { name: '窓口に戻る' }).click();

  await counter.scan(late[1]!);
  await counter.expectOutcome('ok');
  await page.keyboard.press('Escape');
  await counter.scan(late[0]!);
  await counter.expectOutcome('not-received');
});
