// Scan → outcome painted, measured in the page (browser mode, Debian Chromium): the clerk's wait from the
// scanner's Enter to the outcome on screen, against a baseline of one bare IPC round trip plus a frame,
// measured in the same page. Keystrokes are sent as a scanner sends them (no delay between keys).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { generateRoster } from '../main/demo/synthetic-roster';
import { routeAddress } from '../shared/address/route-address';
import { tokyoDate } from '../shared/tokyo-date';

import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../main/testing/chromium';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/madoguchi.mjs');

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

export async function measurePageLatency(scans: number): Promise<{ scanP95: number; baselineP95: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-page-'));
  const env = { ...process.env, MADOGUCHI_PASSPHRASE: 'madoguchi-demo' };
  const run = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const c = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
      c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`madoguchi ${args[0]} exited ${code}`))));
    });
  await run(['demo', '--dir', join(dir, 'demo'), '--residents', '400', '--seed', '3']);
  // The same synthetic residents the demo made (same seed and day), to know which cards are at 本庁舎.
  const residents = generateRoster({ residents: 400, seed: 3, today: tokyoDate(new Date()), shippedOn: tokyoDate(new Date()) }).slice(
    0,
    380,
  );
  const cards = residents
    .filter((r) => {
      const route = routeAddress(r.address);
      return route.ok && route.venue === 'honchosha';
    })
    .slice(0, scans);

  const server = spawn(process.execPath, [BIN, 'serve', '--data', join(dir, 'demo/venues/honchosha')], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /URL: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', () => reject(new Error('serve exited')));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByLabel('職員ID').fill('clerk1');
    await page.getByLabel('PIN（数字）').fill('1111');
    await page.getByLabel('PIN（数字）').press('Enter');
    await page.getByText('バーコードをスキャンしてください').waitFor();
    for (const c of cards) {
      await page.keyboard.type(c.reservationNo);
      await page.keyboard.press('Enter');
      await page.getByTestId('card-name').filter({ hasText: c.name }).waitFor();
    }
    // Each measure is taken in the animation frame after its outcome is drawn: wait for the last one.
    await page.waitForFunction((n) => performance.getEntriesByName('madoguchi:terminator-to-paint').length >= n, cards.length);
    const scan = await page.evaluate(() => performance.getEntriesByName('madoguchi:terminator-to-paint').map((e) => e.duration));
    const baseline = await page.evaluate(async (n) => {
      const g = globalThis as unknown as {
        madoguchi: Record<string, (i: object) => Promise<unknown>>;
        requestAnimationFrame(cb: () => void): void;
      };
      const api = g.madoguchi;
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await api['session:get']!({});
        await new Promise((r) => g.requestAnimationFrame(() => r(null)));
        xs.push(performance.now() - t);
      }
      return xs;
    }, cards.length);
    if (scan.length !== cards.length) throw new Error(`measured ${scan.length} of ${cards.length} scans`);
    return { scanP95: p95(scan), baselineP95: p95(baseline) };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
