// Offline-first: every handover is on disk the moment it is confirmed. Kill `serve`, start it again on the
// same data folder, and the counter still knows.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test('restarting the service keeps every handover', async ({ counter, server, world, page }, testInfo) => {
  const cards = world.picks.ok.slice(6, 9);
  await counter.signIn(STAFF.clerk2.staffId, STAFF.clerk2.pin);
  for (const card of cards) {
    await counter.scanCard(card.reservationNo, card.name);
    await counter.handOverWithLicence(card.name);
  }
  await expect(counter.statusToday).toContainText(`${cards.length}件`);

  const url = await server.restart();
  await counter.open(url);
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await expect(counter.statusToday).toContainText(`${cards.length}件`);
  for (const card of cards) {
    await counter.scanCard(card.reservationNo, card.name, 'already-handed-over');
    await expect(page.getByTestId('handover-actor')).toHaveText(STAFF.clerk2.displayName);
  }
  await counter.shot(testInfo, 'after-restart');
  // A card not handed over is still outstanding.
  await counter.scanCard(world.picks.ok[9]!.reservationNo, world.picks.ok[9]!.name, 'ok');
});
