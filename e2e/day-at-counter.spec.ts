// A day at the counter at 1366×768 (an app window on it: 1366×688), in one run, as the trial went:
// sign-in, the clerk away until the screen locks itself and a scan arriving on the locked screen, the three-key
// handover, stray keys, a refusal with a scan arriving in its reason box, a lead's undo, the receipt check with
// a misread, 日締め then a late resident, and the second 本庁舎 station and HQ pulling the day. Each step keeps
// its picture (test-results/…/NN-*.png) and asserts the page does not scroll where it must not.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { BIN, PASSPHRASE, ROOT, STAFF } from './demo-world';
import { replayKeys, scannerKeys, typistKeys } from './pages/key-replay';
import { expectFits } from './pages/screen-fit';

test.use({ viewport: { width: 1366, height: 688 } });

interface Totals {
  readonly total: { readonly refusals: number; readonly handedOver: number };
}
test.setTimeout(240_000);

test('a day at the counter', async ({ counter, world, page, server }, testInfo) => {
  let step = 0;
  const shot = async (name: string, mustSee: Parameters<typeof expectFits>[2] = [], opts: Parameters<typeof expectFits>[3] = {}) => {
    await counter.shot(testInfo, `${String(++step).padStart(2, '0')}-${name}`);
    await expectFits(page, `day-${name}`, mustSee, opts);
  };
  const [first, second, third, fourth, late] = world.picks.ok.slice(5, 10);
  const cli = (args: string[], env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE, ...env },
    }).toString();

  // This copy of 本庁舎 publishes into a folder of its own (the demo's shared outbox is other tests' too).
  const elsewhere = mkdtempSync(join(tmpdir(), 'madoguchi-day-'));
  const outbox = join(elsewhere, 'outbox', 'honchosha-demo01');
  cli(['settings', 'sync-outbox', outbox, '--data', server.dataDir]);
  // The idle lock at its shortest (1 minute, not the default 5), so the clerk's time away is waited for in real
  // time. Not the page's clock: installed, it stamps every key when the page reads it (Event.timeStamp), so the
  // replayed scanner keys lose their pace and, on a busy machine, leak into the PIN as typing.
  cli(['settings', 'idle-lock-minutes', '1', '--data', server.dataDir]);

  // Morning: sign in.
  await expect(page.getByTestId('sign-in-venue')).toContainText('本庁舎');
  await shot('sign-in');
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);

  // The clerk steps away without locking; after the idle time the screen locks itself (the renderer locks and
  // tells main). The next resident's notice is scanned at the locked screen anyway: held, not typed into the PIN.
  const away = Date.now();
  await shot('waiting');
  await expect(page.getByRole('heading', { name: '画面ロック中' })).toBeVisible({ timeout: 90_000 });
  // Not before the minute (less the moment signIn took to see the counter after the clerk's last key).
  expect(Date.now() - away, 'the screen locked after the idle time, not before').toBeGreaterThan(55_000);
  await replayKeys(page, scannerKeys(first!.reservationNo));
  await expect(page.getByTestId('held-scans')).toContainText('ロック解除後に表示します（1件）');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue('');
  await shot('locked-with-held-scan');
  await replayKeys(page, typistKeys(`${STAFF.clerk1.pin}\r`, 2));
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(first!.name);
  await shot('held-scan-shown', [counter.outcome]);

  // The common handover: Enter, 1 (運転免許証, PINs set), Ctrl+Enter.
  await page.keyboard.press('Enter');
  await expect(counter.idDialog).toBeVisible();
  await shot('id-check', [counter.idDialog.getByRole('button', { name: /交付する/ })]);
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await expect(counter.notice).toContainText(`交付を記録しました：${first!.name}`);
  await shot('handed-over', [counter.notice]);

  // Stray keys on the waiting screen never spoil the next scan.
  await replayKeys(page, typistKeys('12', 1));
  await expect(page.getByTestId('stray-keys')).toContainText('12');
  await shot('stray-keys');
  await counter.scanCard(second!.reservationNo, second!.name);

  // A refusal; the next resident's scan arrives while the reason is typed: held, never the reason.
  await page.keyboard.press('F8');
  const refuse = page.getByTestId('refuse-dialog');
  await refuse.getByRole('radio', { name: '本人確認書類が不足' }).check();
  const reason = refuse.getByRole('textbox');
  await reason.focus();
  await replayKeys(page, typistKeys('hoken nomi', 3));
  await page.waitForTimeout(300); // the clerk picks up the scanner
  await replayKeys(page, scannerKeys(third!.reservationNo, 1));
  await expect(reason).toHaveValue('hoken nomi');
  await expect(refuse.getByTestId('pending-scans')).toContainText('（1件）');
  await shot('refusal-with-held-scan', [refuse.getByRole('button', { name: /交付できないとして記録/ })]);
  await page.keyboard.press('Control+Enter');
  await expect(refuse).toBeHidden();
  // The held scan comes up at once (its result replaces the refusal's confirmation, as any next scan does).
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(third!.name);
  await shot('held-scan-after-refusal');
  await page.keyboard.press('Escape');

  // A lead undoes the first handover (it was the wrong resident).
  await page.getByRole('button', { name: /サインアウト/ }).click();
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await counter.scanCard(first!.reservationNo, first!.name, 'already-handed-over');
  await shot('already-handed-over', [counter.outcome]);
  await page.keyboard.press('F6');
  const undo = page.getByRole('dialog');
  await undo.getByRole('textbox').fill('別の方の交付を記録した');
  await shot('undo', [undo.getByRole('button', { name: /取り消す|取消/ }).first()]);
  await page.keyboard.press('Control+Enter');
  await expect(counter.notice).toContainText('交付を取り消しました');
  await counter.expectOutcome('ok');
  await shot('after-undo', [counter.notice]);

  // The late shipment's box: a receipt check with a misread, which leaves no trace.
  await page.keyboard.press('F4');
  await shot('lead-menu', [page.getByRole('button', { name: '照合・日報・日締め' })]);
  await page.getByTestId(`shipment-${world.lateShipmentId}`).getByRole('button', { name: 'スキャンで受領確認' }).click();
  const check = page.getByTestId('receipt-check');
  await expect(check).toBeVisible();
  await replayKeys(page, scannerKeys('XX-1'));
  await expect(check).toContainText('読み取れませんでした');
  await replayKeys(page, scannerKeys(world.picks.notReceived.reservationNo));
  await shot('receipt-check-misread');
  await check.getByRole('button', { name: /中断して窓口に戻る/ }).click();

  // 日締め, then a late resident: the clerk needs the lead's approval.
  await counter.closeToday();
  await shot('day-closed');
  const closedOn = (await page.evaluate('new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" })')) as string;
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /サインアウト/ }).click();
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(page.getByTestId('status-closed')).toBeVisible();
  await counter.scanCard(late!.reservationNo, late!.name);
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await counter.idDialog.getByLabel('会場責任者の職員ID').fill(STAFF.lead1.staffId);
  await counter.idDialog.getByLabel('PIN', { exact: true }).fill(STAFF.lead1.pin);
  await shot('late-handover-approval', [counter.idDialog.getByRole('button', { name: /交付する/ })]);
  await page.keyboard.press('Control+Enter');
  await expect(counter.notice).toContainText(`交付を記録しました：${late!.name}`);
  await counter.scanCard(fourth!.reservationNo, fourth!.name); // the counter goes on
  await page.keyboard.press('Escape');

  // Evening: 本庁舎's second station and HQ pull what this station published at its close.
  // What the station published: the day at its close, and the late handover at once after it (so station 2
  // cannot hand that card over again).
  try {
    const station2 = join(elsewhere, 'honchosha-2');
    cpSync(join(world.dir, 'venues', 'honchosha-2'), station2, { recursive: true });
    cpSync(world.hqDataDir, join(elsewhere, 'hq'), { recursive: true });
    cli(['sync', 'pull', '--data', station2, '--from', outbox]);
    const here = JSON.parse(cli(['venue', 'report', '--data', server.dataDir, '--json', '--date', closedOn])) as Totals;
    const there = JSON.parse(cli(['venue', 'report', '--data', station2, '--json', '--date', closedOn])) as Totals;
    expect(there.total.refusals, 'station 2 knows the day’s refusal').toBeGreaterThanOrEqual(1);
    expect(there.total.handedOver, 'and the late handover (the first one was undone)').toBe(here.total.handedOver);
    expect(here.total.handedOver).toBeGreaterThanOrEqual(1);
    cli(['hq', 'pull', '--hq-data', join(elsewhere, 'hq'), '--from', outbox]);
    const ward = JSON.parse(cli(['hq', 'report', '--hq-data', join(elsewhere, 'hq'), '--date', closedOn, '--json'])) as {
      venues: { venue: string; figures: { refusals: number; handedOver: number } }[];
    };
    const atHq = ward.venues.find((v) => v.venue === 'honchosha')!.figures;
    expect([atHq.refusals, atHq.handedOver], 'HQ counts the same').toEqual([there.total.refusals, there.total.handedOver]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
