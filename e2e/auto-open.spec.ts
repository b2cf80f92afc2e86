// この端末で自動的に開く in browser mode, with the test-only fake OS key store (MADOGUCHI_FAKE_OS_KEY_STORE names the
// "Windows user"): the lead turns it on from the backup page with the passphrase; the next start opens the folder
// without one (staff still sign in); as another Windows user the unlock screen says why, and the passphrase opens it.
import { test, expect } from './fixtures';
import { PASSPHRASE, STAFF } from './demo-world';
import { replayKeys, scannerKeys } from './pages/key-replay';

const FAKE = 'MADOGUCHI_FAKE_OS_KEY_STORE';
test.use({ serveEnv: { [FAKE]: 'windows-user-a' }, viewport: { width: 1366, height: 768 } });

test('the lead turns it on with the passphrase; the station then opens by itself, and not as another Windows user', async ({
  counter,
  page,
  server,
  world,
}) => {
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  await page.getByTestId('lead-panel').getByRole('button', { name: 'バックアップ', exact: true }).click();
  const setting = page.getByTestId('auto-open');
  await expect(setting).toContainText('この端末で自動的に開く（Windows の資格情報で鍵を保護）');
  await expect(page.getByTestId('auto-open-state')).toHaveText('オフ');
  await setting.getByRole('button', { name: 'オンにする…' }).click();
  const passphrase = setting.getByLabel('データフォルダのパスフレーズ');
  // A notice scanned at scanner pace with the focus here types nothing and submits nothing (its Enter is the
  // scanner's): no wrong try is counted, nothing is turned on.
  await passphrase.focus();
  await replayKeys(page, scannerKeys(world.picks.ok[0]!.reservationNo, 0));
  await expect(passphrase).toHaveValue('');
  await expect(page.getByTestId('backup-error')).toContainText('スキャン');
  await expect(page.getByTestId('auto-open-error')).toHaveCount(0);
  await expect(page.getByTestId('auto-open-state')).toHaveText('オフ');
  await passphrase.fill('not the passphrase');
  await passphrase.press('Enter');
  await expect(page.getByTestId('auto-open-error')).toContainText('パスフレーズが違います');
  await expect(passphrase).toHaveValue('');
  await expect(page.getByTestId('auto-open-state')).toHaveText('オフ');
  await passphrase.fill(PASSPHRASE);
  await passphrase.press('Enter');
  await expect(page.getByTestId('auto-open-message')).toContainText('オンにしました');
  await expect(page.getByTestId('auto-open-state')).toHaveText('オン');
  await page.screenshot({ path: '/tmp/auto-open-on.png' });

  // No passphrase at all this time (the server would stop asking for one): the OS slot opens the folder.
  await counter.open(await server.restart({ env: { [FAKE]: 'windows-user-a', MADOGUCHI_PASSPHRASE: '' } }));
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);

  // Another Windows user: locked, and said why; the passphrase still opens it.
  await page.goto(await server.restart({ args: ['--locked'], env: { [FAKE]: 'windows-user-b', MADOGUCHI_PASSPHRASE: '' } }));
  await expect(page.getByRole('heading', { name: 'データフォルダのロック解除' })).toBeVisible();
  await expect(page.getByTestId('auto-open-problem')).toContainText('違う Windows のユーザー');
  await expect(page.getByTestId('auto-open-problem')).toContainText('パスフレーズを入力して開いてください');
  await page.screenshot({ path: '/tmp/auto-open-other-user.png' });
  await page.getByLabel('会場のパスフレーズ').fill(PASSPHRASE);
  await page.getByLabel('会場のパスフレーズ').press('Enter');
  await expect(page.getByRole('heading', { name: '窓口 サインイン' })).toBeVisible();

  // The lead turns it off (no passphrase needed): the record says both changes, as settings.
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  await page.getByTestId('lead-panel').getByRole('button', { name: 'バックアップ', exact: true }).click();
  await expect(page.getByTestId('auto-open-state')).toHaveText('オン');
  await page.getByTestId('auto-open').getByRole('button', { name: 'オフにする' }).click();
  await expect(page.getByTestId('auto-open-state')).toHaveText('オフ');
  await expect(page.getByTestId('auto-open-message')).toContainText('オフにしました');
});

test.describe('without the fake (browser mode as it is)', () => {
  test.use({ serveEnv: {} });

  test('turning it on cannot be started, and main refuses it too, with a clear message', async ({ counter, page }) => {
    await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
    await page.keyboard.press('F4');
    await page.getByTestId('lead-panel').getByRole('button', { name: 'バックアップ', exact: true }).click();
    const setting = page.getByTestId('auto-open');
    await expect(setting).toContainText('OS の資格情報（Windows の資格情報など、鍵の保管庫）が使えないため、自動的に開く設定はできません');
    await expect(setting.getByRole('button', { name: 'オンにする…' })).toBeDisabled();
    const direct = await page.evaluate(
      (passphrase) =>
        (globalThis as unknown as { madoguchi: Record<string, (i: unknown) => Promise<unknown>> }).madoguchi['auto-open:enable']!({
          passphrase,
        }),
      PASSPHRASE,
    );
    expect(JSON.stringify(direct)).toContain('自動的に開く設定はできません');
    await expect(page.getByTestId('auto-open-state')).toHaveText('オフ');
  });
});
