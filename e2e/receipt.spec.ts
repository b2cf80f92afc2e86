// 受領確認 by scanning: the late shipment's box is unpacked; one card is missing and one belongs elsewhere;
// the check closes only with a reason for each; the counter then hands over what was received, not the rest.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { BIN, PASSPHRASE, ROOT, STAFF } from './demo-world';
import { lateAtHonchosha } from './pages/late-shipment';
import { expectFits } from './pages/screen-fit';
import { printPreviewToPdf } from './pdf';

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
  await expect(page.getByTestId('receipt-counts')).toContainText(`読取 ${late.length - 1}件・余剰 1件・不足 1件`);

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
  // Recorded as 未着 at the check: said as such (not as a box awaiting its check), with what to do.
  await counter.scan(late[0]!);
  await counter.expectOutcome('not-received', /未着のカードです/);
  await expect(page.getByTestId('not-received-why')).toContainText('受領確認で会場に届いていない（未着）と記録されています');
  await expect(page.getByTestId('not-received-todo')).toContainText('会場責任者に連絡してください');
  await expect(counter.outcome).not.toContainText('受領確認されていません');
  await counter.shot(testInfo, 'outcome-card-missing');
});

/** A shipment of `n` cards for 本庁舎 (清澄, its district), built as HQ would: the roster, then `ledger build`. */
function bigShipment(worldDir: string, dir: string, n: number): { ledger: string; cards: string[] } {
  mkdirSync(dir, { recursive: true });
  const cards = Array.from({ length: n }, (_, i) => `RCP-${String(i + 1).padStart(6, '0')}`);
  const roster = join(dir, 'roster.csv');
  const rows = cards.map((no, i) => [
    no,
    `清澄　${i + 1}`,
    'キヨスミ　イチ',
    '1980/01/01',
    `江東区清澄1-${(i % 9) + 1}-1`,
    '通常',
    '2026/11/20',
  ]);
  writeFileSync(roster, ['予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日', ...rows.map((r) => r.join(','))].join('\r\n'));
  mkdirSync(join(dir, 'pubs'));
  copyFileSync(join(worldDir, 'keys', 'honchosha.pub'), join(dir, 'pubs', 'honchosha.pub'));
  const hqKey = join(worldDir, 'keys', 'hq.key');
  execFileSync(
    process.execPath,
    [
      BIN,
      'ledger',
      'build',
      '--roster',
      roster,
      '--shipment',
      'E2E-BIG',
      '--hq-key',
      hqKey,
      '--venue-pubs',
      join(dir, 'pubs'),
      '--out',
      dir,
    ],
    { cwd: ROOT, env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE } },
  );
  return { ledger: join(dir, 'honchosha.ledger'), cards };
}

test.describe('at 1366×688', () => {
  test.use({ viewport: { width: 1366, height: 688 } });

  test('as a lead really runs it: a misread leaves no trace, a wrong extra card is removed, one reason for every missing card in two keys (70 cards, 66 missing)', async ({
    counter,
    world,
    page,
  }, testInfo) => {
    const big = bigShipment(world.dir, testInfo.outputPath('big-shipment'), 70);
    const late = big.cards;
    const extra = world.picks.otherVenue.reservationNo;
    const wrong = world.picks.unknownNo;
    await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
    await page.keyboard.press('F4');
    await page.getByText('台帳の取込（ファイルから）').click();
    const form = page.getByTestId('ledger-import');
    await form.getByLabel('送付台帳ファイル（<会場>.ledger）').setInputFiles(big.ledger);
    await form.getByLabel('会場の秘密鍵（<会場>.key）').setInputFiles(join(world.dir, 'keys', 'honchosha.key'));
    await form.getByLabel('事務センターの公開鍵（hq.pub）').setInputFiles(join(world.dir, 'keys', 'hq.pub'));
    await form.getByLabel('会場鍵のパスフレーズ').fill(PASSPHRASE);
    await form.getByRole('button', { name: '取り込む' }).click();
    await expect(page.getByTestId('import-result')).toContainText(`E2E-BIG を取り込みました（${late.length}件）`);
    await page.getByTestId('shipment-E2E-BIG').getByRole('button', { name: 'スキャンで受領確認' }).click();
    const check = page.getByTestId('receipt-check');
    const counts = page.getByTestId('receipt-counts');
    await expect(counts).toContainText(`送付 ${late.length}件・読取 0件`);
    for (const no of late.slice(0, 4)) {
      await counter.scan(no);
      await expect(page.getByTestId('receipt-last')).toContainText(`${no}：受領しました`);
    }

    // A misread: said so, nothing recorded, nothing to give a reason for.
    await counter.scan('XX-1');
    await expect(page.getByTestId('receipt-last')).toContainText(/「XX-1」：読み取れませんでした/i);
    await expect(counts).toContainText(`読取 4件・余剰 0件・不足 ${late.length - 4}件`);
    await expect(check.locator('[data-testid="difference-XX-1" i]')).toHaveCount(0);

    // Two extra cards, listed before the missing ones; one was scanned by mistake and is taken back out.
    await counter.scan(extra);
    await expect(page.getByTestId('receipt-last')).toContainText('別の会場のカードです');
    await counter.scan(wrong);
    await expect(counts).toContainText('余剰 2件');
    const rows = check.locator('tr.difference');
    await expect(rows.nth(0)).toHaveAttribute('data-testid', `difference-${extra}`);
    await expect(rows.nth(1)).toHaveAttribute('data-testid', `difference-${wrong}`);
    await expect(rows.nth(2)).toHaveClass(/difference-missing/);
    await expectFits(page, 'receipt-check-many-missing', [counts, check.getByRole('button', { name: '受領確認を締める' })]);
    await counter.shot(testInfo, 'receipt-check-many-missing');
    await check.getByRole('button', { name: `${wrong} を余剰から取り消す` }).click();
    await expect(check.getByTestId(`difference-${wrong}`)).toHaveCount(0);
    await expect(counts).toContainText('余剰 1件');

    // Closing without reasons: the error beside the button, the focus on the first difference lacking one.
    await check.getByRole('button', { name: '受領確認を締める' }).click();
    await expect(check.getByTestId('receipt-close-error')).toContainText(`理由が未入力の差異が ${late.length - 3} 件`);
    await expect(check.getByLabel(`${extra} の理由`)).toBeFocused();
    await expectFits(page, 'receipt-check-close-error', [
      check.getByTestId('receipt-close-error'),
      check.getByRole('button', { name: '受領確認を締める' }),
      check.getByLabel(`${extra} の理由`),
    ]);

    // Every missing card 未着 at once: tick the group (Space), apply the picked reason (Ctrl+Enter).
    await check.getByLabel('不足をすべて選択').focus();
    await page.keyboard.press('Space');
    await expect(check.getByRole('button', { name: `選択した ${late.length - 4} 件に設定` })).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(check.getByTestId('bulk-applied')).toHaveText(`${late.length - 4}件の理由を「未着」にしました`);
    await expect(check.getByLabel(`${late.at(-1)} の理由`)).toHaveValue('未着');
    await expect(check.getByLabel(`${extra} の理由`)).toHaveValue('');
    // The extra card another reason, by keys too: Space on its row, the picker moved by arrows, Ctrl+Enter.
    await check.getByLabel(`${extra} を選択`).focus();
    await page.keyboard.press('Space');
    await check.getByRole('radio', { name: '未着' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(check.getByRole('radio', { name: '誤配送' })).toBeChecked();
    await page.keyboard.press('Control+Enter');
    await expect(check.getByTestId('bulk-applied')).toHaveText('1件の理由を「誤配送」にしました');
    await expect(check.getByLabel(`${extra} の理由`)).toHaveValue('誤配送');
    await expect(check.getByLabel(`${late.at(-1)} の理由`)).toHaveValue('未着');
    await counter.shot(testInfo, 'receipt-check-bulk-applied');
    await check.getByRole('button', { name: '受領確認を締める' }).click();
    await expect(page.getByTestId('receipt-closed')).toBeVisible();
    await expect(check.getByTestId(`difference-${wrong}`)).toHaveCount(0);

    await check.getByRole('button', { name: '差異報告書を印刷' }).click();
    const report = await printPreviewToPdf(page, testInfo, 'discrepancy-after-removal');
    expect(report.text).toContain(`不足 ${late.length - 4}件`);
    expect(report.text).toContain('余剰 1件');
    expect(report.text).toContain(extra);
    expect(report.text).not.toContain(wrong);
    expect(report.text).not.toMatch(/XX-1/i);
  });
});
