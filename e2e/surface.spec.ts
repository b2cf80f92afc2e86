// The page's attack surface: no Node globals, and `window.madoguchi` is exactly the contract.
import { test, expect } from './fixtures';
import { CHANNELS } from '../shared/ipc/contract';

test('no require/process globals; window.madoguchi exposes exactly the contract channels + on', async ({ counter, page }) => {
  await expect(counter.page.getByRole('heading', { name: '窓口 サインイン' })).toBeVisible();
  const seen = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> & { madoguchi: Record<string, unknown> };
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
      keys: Object.keys(g.madoguchi).sort(),
      functions: Object.values(g.madoguchi).every((v) => typeof v === 'function'),
      frozen: Object.isFrozen(g.madoguchi),
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    keys: [...CHANNELS, 'on'].sort(),
    functions: true,
    frozen: true,
  });
});

test('sign-in shows main’s answer to a wrong PIN, and stays on the sign-in screen', async ({ counter, page }) => {
  await page.getByLabel('職員ID').fill('clerk1');
  await page.getByLabel('PIN（数字）').fill('0000');
  await page.getByLabel('PIN（数字）').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('職員IDまたはPINが違います（あと4回誤ると5分間使えなくなります）');
  await expect(page.getByLabel('PIN（数字）')).toHaveValue('');
  await expect(counter.surface).toHaveCount(0);
});
