// The counter never looks ready while main cannot answer: a hung service (frozen with SIGSTOP) and a stopped one
// both turn the waiting screen and the status strip into a fault within the heartbeat's time, and a scan made
// meanwhile is not lost: it is shown when the service answers again, or waits, said so, while it cannot.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test('a hung or stopped service shows at once on the counter; scans meanwhile wait and are shown when it answers', async ({
  counter,
  server,
  world,
  page,
}, testInfo) => {
  const [first, second] = world.picks.ok;
  const connection = page.getByTestId('status-connection');
  const scanner = page.getByTestId('status-scanner');
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(scanner).toHaveClass(/status-good/);
  await expect(connection).toBeHidden();

  // Hung: calls are taken and not answered. The heartbeat's question goes unanswered past its timeout.
  server.pause();
  await expect(connection).toContainText('窓口サービスと通信できません', { timeout: 20_000 });
  await expect(scanner).toHaveClass(/status-bad/);
  await expect(scanner).toContainText('照会できません');
  await expect(page.getByTestId('idle')).toContainText('窓口サービスと通信できません');
  await expect(page.getByText('バーコードをスキャンしてください')).toBeHidden();

  // The resident's notice is scanned anyway: it is looked up once the service answers, not dropped.
  await counter.scan(first!.reservationNo);
  server.resume();
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(first!.name);
  await expect(connection).toBeHidden();
  await expect(scanner).toHaveClass(/status-good/);

  // Stopped: nothing listens any more. Said within one heartbeat; a scan waits, and the screen says so.
  await page.keyboard.press('Escape');
  await server.stop();
  await expect(connection).toBeVisible({ timeout: 10_000 });
  await counter.scan(second!.reservationNo);
  await expect(page.getByTestId('pending-scans')).toHaveText('スキャン1件を保留中：通信が戻ったら表示');
  await expect(counter.outcome).toBeHidden();
  await counter.shot(testInfo, 'service-stopped');
});
