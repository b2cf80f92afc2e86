// Headquarters on its own machine (別紙③ 2④): HQ's data folder keeps every ledger HQ built, and HQ prints a
// venue's ledger with its 控え from it — no venue's data folder needed.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { printPreviewToPdf } from './pdf';
import { ledgerPageCount } from '../shared/print/ledger-print';

const spaced = (name: string) => name.replace(/\u3000/g, ' ');

test.use({ site: 'hq' });

test('HQ signs in to its own folder, sees every ledger it built and prints one venue’s with its 控え', async ({
  counter,
  world,
  page,
}, testInfo) => {
  await counter.typeCredentials(STAFF.hq1.staffId, STAFF.hq1.pin);
  const office = page.getByTestId('hq-office');
  await expect(office).toBeVisible();
  // Three demo shipments; the main one went to all three venues.
  for (const venue of ['honchosha', 'sogo', 'toyosu'])
    await expect(office.getByTestId(`hq-ledger-${world.shipmentId}-${venue}`)).toBeVisible();
  await expect(office.getByTestId(`hq-ledger-${world.lateShipmentId}-honchosha`)).toBeVisible();
  await counter.shot(testInfo, 'hq-office');

  const row = office.getByTestId(`hq-ledger-${world.shipmentId}-sogo`);
  const rowCount = Number((await row.locator('td').nth(2).textContent())!.replace(/[件,]/g, ''));
  expect(rowCount).toBeGreaterThan(18);
  await office.getByLabel(/台帳の印刷順/).selectOption('reservation');
  // Keyboard alone: focus the row's button and press Enter.
  await row.getByRole('button', { name: '台帳を印刷' }).focus();
  await page.keyboard.press('Enter');
  const ledger = await printPreviewToPdf(page, testInfo, 'ledger-at-hq');
  expect(ledger.a4).toBe(true);
  expect(ledger.pages).toBe(2 * ledgerPageCount(rowCount));
  expect(ledger.text).toContain('総合区民センター');
  expect(ledger.text).toContain('各会場送付台帳（控え）');
  expect(ledger.text).toContain(world.picks.otherVenue.reservationNo);
  expect(ledger.text).toContain(spaced(world.picks.otherVenue.name));
  expect(ledger.text).not.toContain(world.picks.ok[0]!.reservationNo);
  expect(ledger.fonts).toMatch(/NotoSansJP/);
  expect(ledger.fonts).toMatch(/LibreBarcode128/);
  await page
    .getByTestId('print-preview')
    .getByRole('button', { name: /閉じる/ })
    .click();
  await office.getByRole('button', { name: 'サインアウト' }).click();
  await expect(page.getByRole('heading', { name: '事務センター サインイン' })).toBeVisible();
});

test('HQ sees the ward’s figures from the stations’ sync files, venue by venue', async ({ counter, world, page }, testInfo) => {
  await counter.typeCredentials(STAFF.hq1.staffId, STAFF.hq1.pin);
  const office = page.getByTestId('hq-office');
  const rows = async (shipmentId: string, venue: string) =>
    Number((await office.getByTestId(`hq-ledger-${shipmentId}-${venue}`).locator('td').nth(2).textContent())!.replace(/[件,]/g, ''));
  // The demo's stations each published a first file and HQ took it in: the ward adds up.
  await expect(office.getByTestId('ward-status')).toHaveText('すべて一致しています');
  const honcho = office.getByTestId('ward-honchosha');
  const cells = honcho.locator('td');
  // 送付 = every card HQ built for 本庁舎; 未着 = the late shipment, not yet received there. (The ledger list is
  // loaded apart from the figures: waited for, as allTextContents does not wait.)
  const honchoLedgers = office.locator('[data-testid^="hq-ledger-"][data-testid$="-honchosha"]');
  await expect(honchoLedgers.first()).toBeVisible();
  const shipped = (await honchoLedgers.locator('td:nth-child(3)').allTextContents()).reduce(
    (n, t) => n + Number(t.replace(/[件,]/g, '')),
    0,
  );
  // Counts read as people write them, with thousands separators (1,234).
  await expect(cells.nth(0)).toHaveText(shipped.toLocaleString('ja-JP'));
  await expect(cells.nth(2)).toHaveText((await rows(world.lateShipmentId, 'honchosha')).toLocaleString('ja-JP'));
  // Each station as its venue calls it (its station-label, carried in its sync files), not by its id.
  await expect(honcho).toContainText('本庁舎 窓口1 #1');
  await expect(honcho).toContainText('本庁舎 窓口2 #1');
  await expect(honcho).not.toContainText('honchosha-demo0');
  // Each shipment's total against J-LIS's count, which the demo has not recorded.
  await expect(office.getByTestId('ward-shipments').locator('tbody tr')).toHaveCount(3);
  await expect(office.getByTestId('ward-shipments')).toContainText('未記録');
  await counter.shot(testInfo, 'hq-ward-report');

  // The day field is the Japanese one: 和暦 is read and said back as 西暦 with its weekday.
  const day = office.locator('#hq-ward-date');
  await day.fill('令和8年12月2日');
  await expect(office.getByTestId('hq-ward-date-echo')).toHaveText('2026年12月2日（水）');
  await day.fill('2026/13/01');
  await expect(office.getByTestId('hq-ward-date-echo')).toContainText('存在しない月');
  await day.fill('2026-12-01');
  await expect(office.getByTestId('hq-ward-date-echo')).toHaveText('2026年12月1日（火）');

  // Pulling again: each result says whose files it is about, by venue and station, not by the folder pulled.
  await office.getByRole('button', { name: '同期ファイルを取得' }).click();
  const pulled = office.getByTestId('pull-results');
  await expect(pulled.locator('li')).toHaveCount(4);
  for (const station of ['本庁舎 窓口1', '本庁舎 窓口2', '総合区民センター 窓口1', '豊洲シビックセンター 窓口1'])
    await expect(pulled).toContainText(`${station}：新規 0件`);
  await expect(pulled).not.toContainText('outbox');
  // What the pull was for stays in view beside its results, on the smallest counter PC too.
  await page.setViewportSize({ width: 1280, height: 640 });
  await expect(office.getByTestId('ward-figures').locator('tbody tr').first()).toBeInViewport();
  await counter.shot(testInfo, 'hq-after-pull-1280');
});

test('a clerk’s account does not exist at HQ', async ({ counter, page }) => {
  await counter.typeCredentials(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('hq-office')).toHaveCount(0);
});
