// A station started without the venue passphrase (as a venue PC starts): the unlock screen comes first.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { PASSPHRASE, STAFF } from './demo-world';

test.use({ serveArgs: ['--locked'], unlockedStart: false });

test('the venue passphrase opens the data folder, then staff sign in', async ({ counter, page }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'データフォルダのロック解除' })).toBeVisible();
  // The venue whose passphrase this is, where, and which of its PCs this is (its label, from the plain copy beside
  // the keyring); never the station's id (a hover title, for support).
  await expect(page.getByTestId('unlock-venue')).toHaveText('本庁舎 窓口1（江東区役所 2階）');
  await expect(page.locator('body')).not.toContainText('honchosha-demo01');
  const field = page.getByLabel('会場のパスフレーズ');
  await field.fill('wrong passphrase');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('パスフレーズが違います');
  await counter.shot(testInfo, 'station-locked');
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: '窓口 サインイン' })).toBeVisible();
  // Open, the station can name itself as its venue calls it.
  await expect(page.getByTestId('sign-in-venue')).toHaveText('本庁舎 窓口1　マイナンバーカード交付窓口');
  await counter.shot(testInfo, 'station-sign-in');
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('lock-station')).toHaveText('本庁舎 窓口1');
  await counter.shot(testInfo, 'lock-screen');
});

test.describe("本庁舎's second counter PC", () => {
  test.use({ site: 'honchosha-2' });

  test('its unlock screen says which PC it is (本庁舎 窓口2) before anything is unlocked', async ({ counter, page }, testInfo) => {
    await expect(page.getByTestId('unlock-venue')).toHaveText('本庁舎 窓口2（江東区役所 2階）');
    await expect(page.locator('body')).not.toContainText('honchosha-demo02');
    // As a counter PC's screen shows it.
    await page.setViewportSize({ width: 1366, height: 768 });
    await counter.shot(testInfo, 'station-unlock-1366x768');
    await page.getByLabel('会場のパスフレーズ').fill(PASSPHRASE);
    await page.getByLabel('会場のパスフレーズ').press('Enter');
    await expect(page.getByTestId('sign-in-venue')).toHaveText('本庁舎 窓口2　マイナンバーカード交付窓口');
  });

  test("with the label's copy gone the venue alone is named (no error), and the unlock writes it again", async ({ server, page }) => {
    // Display only: a copy that is missing (or unusable) leaves the screen as it was before labels were copied.
    const copy = join(server.dataDir, 'station-label.json');
    rmSync(copy);
    await page.goto(server.url);
    await expect(page.getByTestId('unlock-venue')).toHaveText('本庁舎（江東区役所 2階）');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByLabel('会場のパスフレーズ').fill(PASSPHRASE);
    await page.getByLabel('会場のパスフレーズ').press('Enter');
    // Open, the database's label names the station, and the copy is back for the next start.
    await expect(page.getByTestId('sign-in-venue')).toHaveText('本庁舎 窓口2　マイナンバーカード交付窓口');
    expect((JSON.parse(readFileSync(copy, 'utf8')) as { label: string }).label).toBe('窓口2');
  });
});
