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

interface BarNotice {
  readonly text: string;
  /** Lines its text is laid out on. */
  readonly lines: number;
  /** Whether its box lies wholly inside the action bar. */
  readonly inBar: boolean;
  /** How much of its text shows before the ellipsis, if it is cut (else the whole text). */
  readonly shown: string;
}

/** The notices in the action bar as a person sees them: on how many lines, where, and how much of each shows. */
const barNotices = (page: Page) =>
  page.evaluate<BarNotice[]>(`(() => {
    const bar = document.querySelector('.action-bar').getBoundingClientRect();
    return [...document.querySelectorAll('.notice-bar > *')].map((el) => {
      const box = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const text = el.textContent;
      // The text's room: the box less its padding and, once the text is cut, the ellipsis.
      const room = box.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight);
      const cut = el.scrollWidth > el.clientWidth;
      const ellipsis = cut ? parseFloat(cs.fontSize) : 0;
      const r = document.createRange();
      let shown = 0;
      for (let i = 1; i <= text.length; i++) {
        r.setStart(el.firstChild, 0);
        r.setEnd(el.firstChild, i);
        if (r.getBoundingClientRect().right <= room - ellipsis + 0.5) shown = i;
      }
      r.selectNodeContents(el);
      const lines = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.bottom))).size;
      const inBar = box.left >= bar.left && box.right <= bar.right && box.top >= bar.top - 0.5 && box.bottom <= bar.bottom + 0.5;
      return { text, lines, inBar, shown: text.slice(0, shown) };
    });
  })()`);

// A lead's bar at the counter has more buttons (the F4 menu) than a clerk's, so its notices have the least room;
// with the service lost it says the most (a held scan and the last handover). It must all still fit the screen.
for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(() => {
    test.use({ viewport });
    test(`a lead's action bar with the service lost keeps its notices on one line and every button on screen (${viewport.width}×${viewport.height})`, async ({
      counter,
      server,
      world,
      page,
    }, testInfo) => {
      const { first, second } = await signedIn(counter, world, STAFF.lead1);
      await counter.scanCard(first.reservationNo, first.name);
      await counter.handOverWithLicence(first.name);
      await loseService(page, server, 'stopped');
      await counter.scan(second.reservationNo);
      const pending = page.getByTestId('pending-scans');
      await expect(pending).toHaveText('1件のスキャンを保留中：通信が戻ったら表示');
      await expect(counter.notice).not.toContainText(first.name); // nothing personal while nothing can be done
      await counter.shot(testInfo, `lead-bar-service-lost-${viewport.width}x${viewport.height}`);

      const bar = page.getByRole('navigation', { name: '操作' });
      for (const name of [/番号入力/, /検索/, /会場責任者メニュー/, /画面ロック/, /サインアウト/])
        await expect(bar.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
      const notices = await barNotices(page);
      expect(notices.map((n) => n.text)).toEqual([await pending.textContent(), await counter.notice.textContent()]);
      for (const n of notices) {
        expect(n.lines, `${n.text}: one line`).toBe(1);
        expect(n.inBar, `${n.text}: inside the bar`).toBe(true);
      }
      // What the held scan's notice must say whole: how many, and that they are held (its title has the rest).
      expect(notices[0]!.shown, 'the held-scan notice shows its count and 保留中').toMatch(/^1件のスキャンを保留中/);
      expect(notices[1]!.shown, 'the last action shows whole').toBe(notices[1]!.text);
      await expect(pending).toHaveAttribute('title', '1件のスキャンを保留中：通信が戻ったら表示');
      await expect(page.getByTestId('status-connection')).toBeInViewport({ ratio: 1 });
      const scroll = await page.evaluate<number[]>(
        '[document.scrollingElement.scrollHeight, innerHeight, document.scrollingElement.scrollWidth, innerWidth]',
      );
      expect(scroll[0], 'the page does not scroll down').toBeLessThanOrEqual(scroll[1]!);
      expect(scroll[2], 'nor sideways').toBeLessThanOrEqual(scroll[3]!);
    });
  });
}
