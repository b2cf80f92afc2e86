// The lead's import screen: a new shipment ledger from HQ (built here with `madoguchi ledger build`) is
// imported from the window with the venue key and HQ's public key; progress shows; its cards are then
// "not yet received" until the lead confirms receipt.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { BIN, PASSPHRASE, ROOT, STAFF } from './demo-world';
import { printPreviewToPdf } from './pdf';
import { expectFits } from './pages/screen-fit';

const RESIDENTS = [
  ['EEE-000001', '清澄　一花', 'キヨスミ　イチカ', '1990/01/01', '東京都江東区清澄一丁目1番1号'],
  ['EEE-000002', '清澄　二郎', 'キヨスミ　ジロウ', '昭和50年2月2日', '江東区清澄2-2-2'],
  ['EEE-000003', '高橋　三子', 'タカハシ　ミツコ', 'H3.3.3', '江東区高橋3-3'],
];

// A counter PC's screen: the import's outcome must be seen there without scrolling.
test.use({ viewport: { width: 1366, height: 768 } });

test('a lead imports a new ledger from the window; its cards await receipt, then can be handed over', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-import-'));
  try {
    const roster = join(dir, 'roster.csv');
    writeFileSync(
      roster,
      ['予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日', ...RESIDENTS.map((r) => [...r, '通常', '2026/11/20'].join(','))].join(
        '\r\n',
      ),
    );
    const pubs = join(dir, 'pubs');
    mkdirSync(pubs);
    copyFileSync(join(world.dir, 'keys', 'honchosha.pub'), join(pubs, 'honchosha.pub'));
    execFileSync(
      process.execPath,
      [
        BIN,
        'ledger',
        'build',
        '--roster',
        roster,
        '--shipment',
        'E2E-NEW',
        '--hq-key',
        join(world.dir, 'keys', 'hq.key'),
        '--venue-pubs',
        pubs,
        '--out',
        join(dir, 'out'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE },
      },
    );

    await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
    await page.keyboard.press('F4');
    const panel = page.getByTestId('lead-panel');
    await panel.getByText('台帳の取込（ファイルから）').click();
    const form = panel.getByTestId('ledger-import');
    // The file picker speaks Japanese (not the browser's "Choose File"), and says which file was chosen.
    await expect(form.getByRole('button', { name: 'ファイルを選ぶ' })).toHaveCount(3);
    await expect(form.getByTestId('import-ledger-name')).toHaveText('選択されていません');
    await expect(form).not.toContainText('Choose');
    await form.getByLabel('送付台帳ファイル（<会場>.ledger）').setInputFiles(join(dir, 'out', 'honchosha.ledger'));
    await expect(form.getByTestId('import-ledger-name')).toHaveText('honchosha.ledger');
    await form.getByLabel('会場の秘密鍵（<会場>.key）').setInputFiles(join(world.dir, 'keys', 'honchosha.key'));
    await form.getByLabel('事務センターの公開鍵（hq.pub）').setInputFiles(join(world.dir, 'keys', 'hq.pub'));

    await form.getByLabel('会場鍵のパスフレーズ').fill('not the passphrase');
    await form.getByRole('button', { name: '取り込む' }).click();
    await expect(form.getByRole('alert')).toContainText('パスフレーズが違う');

    await form.getByLabel('会場鍵のパスフレーズ').fill(PASSPHRASE);
    await form.getByRole('button', { name: '取り込む' }).click();
    await expect(panel.getByTestId('import-result')).toContainText('E2E-NEW を取り込みました（3件）');
    await expect(form.getByTestId('import-progress')).toContainText('完了');
    await expect(panel.getByTestId('shipment-E2E-NEW')).toContainText('受領確認前');
    await counter.shot(testInfo, 'ledger-imported');
    // On a 1366×768 screen the outcome and 預り証を印刷 are seen without scrolling the menu: the form folds away,
    // they are at its top, and the keyboard is on the button.
    const printReceipt = panel.getByTestId('print-ledger-receipt');
    await expect(printReceipt).toBeFocused();
    await expect(form.getByLabel('会場鍵のパスフレーズ')).toBeHidden();
    // The menu below may still scroll (its shipments list grows by one), but not to get to these.
    await expectFits(page, 'ledger-imported', [panel.getByTestId('import-result'), printReceipt], { dialogMayScroll: true });
    expect(await page.evaluate<number>(`document.querySelector('dialog[open]').scrollTop`), 'the menu not scrolled to get there').toBe(0);
    await page.screenshot({ path: '/tmp/backupfolder-ledger-imported-1366x768.png' });

    // The 預り証 (別紙⑦ 第11条): which file, how many, who and when — and no resident named on it.
    await printReceipt.click();
    const receipt = await printPreviewToPdf(page, testInfo, 'ledger-receipt');
    expect([receipt.pages, receipt.a4]).toEqual([2, true]);
    expect(receipt.text).toContain('江東区 事務センター 御中');
    expect(receipt.text).toMatch(/出荷 E2E-NEW/);
    expect(receipt.text).toMatch(/件数 3件/);
    expect(receipt.text).toMatch(/受領者 会場 責任者（lead1）/);
    expect(receipt.text).toMatch(/預り証（控え・会場保管）/);
    expect(receipt.text).toMatch(/[0-9a-f]{16} [0-9a-f]{16} [0-9a-f]{16} [0-9a-f]{16}/);
    for (const r of RESIDENTS) expect(receipt.text).not.toContain(r[1]!.replace('　', ' '));
    await page.keyboard.press('Escape');

    // The next shipment's ledger: the import opened again, the keys stay chosen, the ledger and the passphrase are asked.
    await panel.getByText('台帳の取込（ファイルから）').click();
    await expect(panel.getByTestId('import-outcome')).toHaveCount(0);
    await expect(form.getByTestId('import-ledger-name')).toHaveText('選択されていません');
    await expect(form.getByTestId('import-venueKey-name')).toHaveText('honchosha.key');
    await form.getByLabel('送付台帳ファイル（<会場>.ledger）').setInputFiles(join(dir, 'out', 'honchosha.ledger'));
    await form.getByRole('button', { name: '取り込む' }).click();
    await expect(form.getByRole('alert')).toContainText('パスフレーズを入力してください');

    await page.keyboard.press('Escape');
    await counter.scan('EEE-000002');
    await counter.expectOutcome('not-received');
    await page.keyboard.press('F4');
    const row = panel.getByTestId('shipment-E2E-NEW');
    await row.getByRole('button', { name: '箱ごと受領確認' }).click();
    await row.getByRole('button', { name: '受領を確定する' }).click();
    await expect(row).toContainText('受領確認済み');
    await page.keyboard.press('Escape');
    await counter.scanCard('EEE-000002', '清澄　二郎');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
