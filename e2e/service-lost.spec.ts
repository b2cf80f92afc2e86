// The counter never looks ready while main cannot answer: a hung service (frozen with SIGSTOP) and a stopped one
// both turn the waiting screen and the status strip into a fault within the heartbeat's time, and a scan made
// meanwhile is not lost: it is shown when the service answers again, or waits, said so, while it cannot.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { STAFF, type World } from './demo-world';
import type { CounterPage } from './pages/counter-page';
import type { Served } from './serve';

/** The set-up every test starts from: `who` signed in at the counter, and the demo's first two residents to scan. */
async function signedIn(counter: CounterPage, world: World, who: { staffId: string; pin: string } = STAFF.clerk1) {
  await counter.signIn(who.staffId, who.pin);
  const [first, second] = world.picks.ok;
  return { first: first!, second: second! };
}

/**
 * The service stops answering, frozen (SIGSTOP: calls taken and never answered) or stopped (nothing listens),
 * and the counter has said so: a hung one only once the heartbeat's question has gone unanswered past its timeout.
 */
async function loseService(page: Page, server: Served, how: 'hung' | 'stopped'): Promise<void> {
  if (how === 'hung') server.pause();
  else await server.stop();
  await expect(page.getByTestId('status-connection')).toContainText('窓口サービスと通信できません', {
    timeout: how === 'hung' ? 20_000 : 10_000,
  });
}

test('a hung or stopped service shows at once on the counter; scans meanwhile wait and are shown when it answers', async ({
  counter,
  server,
  world,
  page,
}, testInfo) => {
  const connection = page.getByTestId('status-connection');
  const scanner = page.getByTestId('status-scanner');
  const { first, second } = await signedIn(counter, world);
  await expect(scanner).toHaveClass(/status-good/);
  await expect(connection).toBeHidden();

  // Hung: calls are taken and not answered. The heartbeat's question goes unanswered past its timeout.
  await loseService(page, server, 'hung');
  await expect(scanner).toHaveClass(/status-bad/);
  await expect(scanner).toContainText('照会できません');
  await expect(page.getByTestId('idle')).toContainText('窓口サービスと通信できません');
  await expect(page.getByText('バーコードをスキャンしてください')).toBeHidden();

  // The resident's notice is scanned anyway: it is looked up once the service answers, not dropped.
  await counter.scan(first.reservationNo);
  server.resume();
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(first.name);
  await expect(connection).toBeHidden();
  await expect(scanner).toHaveClass(/status-good/);

  // Stopped: nothing listens any more. Said within one heartbeat; a scan waits, and the screen says so.
  await page.keyboard.press('Escape');
  await loseService(page, server, 'stopped');
  await counter.scan(second.reservationNo);
  await expect(page.getByTestId('pending-scans')).toHaveText('1件のスキャンを保留中：通信が戻ったら表示');
  await expect(counter.outcome).toBeHidden();
  await counter.shot(testInfo, 'service-stopped');
});

test('scans made while the service hangs are said at once, and each is shown in turn when it answers', async ({
  counter,
  server,
  world,
  page,
}, testInfo) => {
  const pending = page.getByTestId('pending-scans');
  const { first, second } = await signedIn(counter, world);
  server.pause(); // not waiting for the heartbeat: a scan in the air is said at once, before it
  // The scan is in the air: said within a moment, not left as a blank waiting screen.
  await counter.scan(first.reservationNo);
  await expect(pending).toContainText(/1件のスキャンを(照会中|保留中)/, { timeout: 2_000 });
  await counter.scan(second.reservationNo);
  await expect(pending).toContainText('2件のスキャンを保留中');

  server.resume();
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(first.name);
  await expect(pending).toHaveText('1件のスキャンを保留中：Escで次を表示');
  await expect(page.getByTestId('outcome-footer')).toHaveText(/保留中のスキャンがあります（\s*Esc\s*で次を表示）/);
  await counter.shot(testInfo, 'resumed-with-backlog');
  // The first resident is not replaced unseen by the second: it stays until the clerk is done with it.
  await page.waitForTimeout(1_500);
  await expect(counter.cardName).toHaveText(first.name);
  await page.keyboard.press('Escape');
  await expect(counter.cardName).toHaveText(second.name);
  await expect(pending).toBeHidden();
});

test('a handover main is slow to answer says so in the ID check; one it cannot reach keeps the dialog, and pressing again is safe', async ({
  counter,
  server,
  world,
  page,
}) => {
  const { first } = await signedIn(counter, world);
  await counter.scanCard(first.reservationNo, first.name);
  await page.keyboard.press('Enter');
  const dialog = counter.idDialog;
  await dialog.getByLabel('運転免許証').check();
  await dialog.getByLabel('暗証番号設定済み').check();

  // The request is lost on the way: nothing says whether it was recorded, so the dialog stays and says so.
  await page.route('**/__ipc/counter%3Ahandover', (route) => route.abort());
  await dialog.getByRole('button', { name: /交付する/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('記録できたか確認できません');
  await expect(dialog).toBeVisible();
  await page.unroute('**/__ipc/counter%3Ahandover');

  // Hung: the press is said to be waiting (not a silent dialog), and recorded once main answers.
  server.pause();
  await dialog.getByRole('button', { name: /交付する/ }).click();
  await expect(page.getByTestId('submit-wait')).toContainText(/記録しています…|応答を待っています/, { timeout: 2_000 });
  await expect(page.getByTestId('submit-wait')).toContainText('窓口サービスの応答を待っています', { timeout: 20_000 });
  // Esc cannot walk away from a recording on its way: the dialog stays until main says what happened.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  server.resume();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText(`交付を記録しました：${first.name}`);
});

test('while the service cannot answer, the last confirmation stops naming the resident at once', async ({
  counter,
  server,
  world,
  page,
}) => {
  const { first } = await signedIn(counter, world);
  await counter.scanCard(first.reservationNo, first.name);
  await counter.handOverWithLicence(first.name);
  await expect(counter.notice).toContainText(first.name);
  await loseService(page, server, 'hung');
  await expect(counter.notice).toContainText('交付を記録しました');
  await expect(counter.notice).not.toContainText(first.name);
  server.resume();
});
