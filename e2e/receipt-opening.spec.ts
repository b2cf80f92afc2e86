// The moment between choosing スキャンで受領確認 and the check being open belongs to the check: a card scanned at
// once (a lead who unpacks while the screen opens, a slow machine) is counted in the box, never looked up at the
// counter. And a scan held for the counter while the lead's menu was open waits until the lead is back at the
// counter: a resident is not looked up for a screen nobody sees.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { lateAtHonchosha } from './pages/late-shipment';

test('a card scanned while the receipt check opens is counted in the box, not looked up at the counter', async ({
  counter,
  world,
  page,
}) => {
  const late = lateAtHonchosha(world.dir);
  const resident = world.picks.ok[0]!;
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  // A slow machine: main takes 1.5 s to open the check.
  await page.route('**/__ipc/receipt%3Aopen', async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  const counterLookups: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/__ipc/counter%3Ascan')) counterLookups.push(r.postData() ?? '');
  });

  const outstanding = async () => Number((await counter.statusOutstanding.locator('strong').textContent())!.replace(/,/g, ''));
  const before = await outstanding();
  await page.keyboard.press('F4');
  // Scanned while the menu is open: held for the counter (as any scan during a dialog).
  await counter.scan(resident.reservationNo);
  await expect(page.getByTestId('pending-scans')).toContainText('保留中（1件）');
  await page.getByTestId(`shipment-${world.lateShipmentId}`).getByRole('button', { name: 'スキャンで受領確認' }).click();
  const screen = page.getByTestId('receipt-check');
  await expect(screen).toContainText('開いています');
  await counter.scan(late[0]!);
  await counter.scan(late[1]!);

  await expect(page.getByTestId('receipt-counts')).toContainText(`送付 ${late.length}件・読取 2件`);
  await expect(page.getByTestId('receipt-last')).toContainText(`${late[1]}：受領しました`);
  expect(counterLookups, 'nothing was looked up at the counter while the lead was in the check').toEqual([]);

  // Back at the counter, the scan held from the menu is shown.
  await screen.getByRole('button', { name: /窓口に戻る/ }).click();
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(resident.name);
  expect(counterLookups).toHaveLength(1);
  // The strip counts the two cards received meanwhile (it was not left as it stood before the check).
  await expect.poll(outstanding).toBe(before + 2);
});

test('a receipt check that cannot be opened says so, with what was scanned meanwhile, and leads back to the counter', async ({
  counter,
  world,
  page,
}) => {
  const late = lateAtHonchosha(world.dir);
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.route('**/__ipc/receipt%3Aopen', async (route) => {
    await new Promise((r) => setTimeout(r, 1_000));
    await route.fulfill({ json: { ok: false, error: { code: 'conflict', message: '別の受領確認が開いています' } } });
  });
  await page.keyboard.press('F4');
  await page.getByTestId(`shipment-${world.lateShipmentId}`).getByRole('button', { name: 'スキャンで受領確認' }).click();
  await counter.scan(late[0]!);
  const screen = page.getByTestId('receipt-check');
  await expect(screen.getByRole('alert')).toHaveText(
    '受領確認を開けませんでした：別の受領確認が開いています（その間に読み取った1件は記録していません）',
  );
  await screen.getByRole('button', { name: '窓口に戻る' }).click();
  await expect(page.getByText('バーコードをスキャンしてください')).toBeVisible();
  await expect(counter.outcome).toBeHidden();
});
