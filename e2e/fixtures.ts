// Test fixtures: the demo world (made once by global setup), and per test a fresh copy of the 本庁舎 data
// folder with `madoguchi serve` running on it (killed after), and the counter page opened at its one-time URL.
import { test as base, expect } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorld, type World } from './demo-world';
import { serve, type Served } from './serve';
import { CounterPage } from './pages/counter-page';

export interface Fixtures {
  /** Extra arguments for `madoguchi serve` (e.g. --fake-hid), set with test.use(). */
  serveArgs: string[];
  /** Extra environment for `madoguchi serve` (e.g. a test-only fake), set with test.use(). */
  serveEnv: Record<string, string>;
  /** Which demo data folder the server opens: 本庁舎's counter (窓口1, the default), its second (窓口2), or headquarters'. */
  site: 'honchosha' | 'honchosha-2' | 'hq';
  /** Whether the page should already be at sign-in when a test starts (false with `serve --locked`). */
  unlockedStart: boolean;
  /** Done to the test's copy of the data folder before the server opens it (e.g. records changed behind the app). */
  prepareFolder: ((dataDir: string) => void) | null;
  server: Served;
  counter: CounterPage;
}

export const test = base.extend<Fixtures, { world: World }>({
  // Playwright reads a fixture's dependencies from its first parameter; this one has none.
  // eslint-disable-next-line no-empty-pattern
  world: [async ({}, use) => use(loadWorld()), { scope: 'worker' }],

  serveArgs: [[], { option: true }],
  serveEnv: [{}, { option: true }],
  site: ['honchosha', { option: true }],
  unlockedStart: [true, { option: true }],
  prepareFolder: [null, { option: true }],

  server: async ({ world, serveArgs, serveEnv, site, prepareFolder }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-venue-'));
    // At the depth the demo keeps it (<world>/venues/honchosha), so the station's outbox, set relative to its
    // folder (../../outbox/<stationId>), is this test's own: one test's 日締め never reaches another's HQ pull.
    const dataDir = join(dir, 'venues', site);
    const from = { honchosha: world.honchoshaDataDir, 'honchosha-2': world.honchosha2DataDir, hq: world.hqDataDir }[site];
    cpSync(from, dataDir, { recursive: true });
    prepareFolder?.(dataDir);
    const server = await serve(dataDir, serveArgs, serveEnv);
    try {
      await use(server);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },

  counter: async ({ page, server, unlockedStart, site }, use) => {
    // Uncaught errors and CSP violations (an inline style or script would be one) fail the test.
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Uncaught/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    const counter = new CounterPage(page);
    if (unlockedStart) await counter.open(server.url, site === 'hq' ? '事務センター サインイン' : undefined);
    else await page.goto(server.url);
    await use(counter);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

export { expect };
