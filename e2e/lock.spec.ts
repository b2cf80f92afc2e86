// The screen lock: on demand (Ctrl+L / button) and after the idle time; the same staff member's PIN unlocks.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { CounterPage } from './pages/counter-page';

test('Ctrl+L locks; main refuses calls while locked; wrong PIN is refused; the right PIN returns to the same ID check', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const card = world.picks.ok[12]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(card.reservationNo, card.name);
  await page.keyboard.press('Enter');
  await counter.idDialog.getByLabel('パスポート').check();

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '画面ロック中' })).toBeVisible();
  await expect(page.getByText(card.name)).toHaveCount(0); // nothing of the resident behind the lock
  const refused = await page.evaluate(
    (code) =>
      (globalThis as unknown as { madoguchi: Record<string, (i: unknown) => Promise<unknown>> }).madoguchi['counter:scan']!({
        code,
        source: 'manual',
      }),
    card.reservationNo,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
  await counter.shot(testInfo, 'lock-screen');

  const pin = page.getByLabel('PIN', { exact: true });
  await pin.fill('0000');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toContainText('PINが違います');
  await pin.fill(STAFF.clerk1.pin);
  await pin.press('Enter');
  await expect(counter.idDialog).toBeVisible();
  await expect(counter.idDialog.getByTestId('card-name')).toHaveText(card.name);
  await expect(counter.idDialog.getByLabel('パスポート')).toBeChecked();
});

// The page's clock is installed before the app loads, so the renderer's idle timer can be fast-forwarded
// (main's own idle clock is real time; the renderer locks first and tells main).
test('after the idle time the screen locks by itself', async ({ page, server }) => {
  await page.clock.install();
  const counter = new CounterPage(page);
  await counter.open(server.url);
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.clock.fastForward('04:00');
  await expect(page.getByText('バーコードをスキャンしてください')).toBeVisible(); // not yet (5 minutes by default)
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: '画面ロック中' })).toBeVisible();
  await page.getByLabel('PIN', { exact: true }).fill(STAFF.clerk1.pin);
  await page.getByLabel('PIN', { exact: true }).press('Enter');
  await expect(page.getByText('バーコードをスキャンしてください')).toBeVisible();
});
