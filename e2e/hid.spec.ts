// A HID POS scanner read in main (here the fake one of `serve --fake-hid`, through the real decoder):
// scans reach the counter without keyboard focus, and unplug/replug shows in the status strip.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test.use({ serveArgs: ['--fake-hid'] });

// From the window itself, with the tab's secret as the bridge sends it (the fake scanner is behind the same session).
const hid = (page: Page, action: 'scan' | 'unplug' | 'plug', text = '') =>
  page.evaluate(
    async ([a, t]) =>
      (
        await fetch(`/__fake-hid/${a}`, {
          method: 'POST',
          headers: { 'x-madoguchi-session': sessionStorage.getItem('madoguchi-session') ?? '' },
          body: JSON.stringify({ text: t }),
        })
      ).json(),
    [action, text] as const,
  );

test('HID scans show the card; unplugging and replugging the scanner shows in the status strip', async ({
  counter,
  world,
  page,
}, testInfo) => {
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  const scanner = page.getByTestId('status-scanner');
  await expect(scanner).toContainText('接続中');
  const card = world.picks.ok[0]!;
  // Lower case without the hyphen, as a notice's barcode might carry it.
  expect(await hid(page, 'scan', card.reservationNo.replace('-', '').toLowerCase())).toEqual({ ok: true });
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
  await counter.shot(testInfo, 'hid-scan-outcome');

  await hid(page, 'unplug');
  await expect(scanner).toContainText('未接続');
  await counter.shot(testInfo, 'hid-unplugged');
  await hid(page, 'plug');
  await expect(scanner).toContainText('接続中', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await hid(page, 'scan', world.picks.unknownNo);
  await counter.expectOutcome('not-in-ledger');
});

test('a HID scan on the lock screen is held, never sent as a PIN, and shown once the clerk unlocks', async ({ counter, world, page }) => {
  const card = world.picks.ok[1]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '画面ロック中' })).toBeVisible();
  const pin = page.getByLabel('PIN', { exact: true });
  await pin.fill('12'); // the clerk had begun typing the PIN
  expect(await hid(page, 'scan', card.reservationNo)).toEqual({ ok: true });
  await expect(page.getByTestId('held-scans')).toHaveText('ロック中です。読み取った番号はロック解除後に表示します（1件）');
  await expect(pin).toHaveValue('12'); // untouched: a HID scan never reaches a field
  await expect(page.getByRole('alert')).toHaveCount(0);

  await pin.fill(STAFF.clerk1.pin);
  await pin.press('Enter');
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});
