// Every scan outcome other than "ok": each its own headline, colour class and message.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';

test.beforeEach(async ({ counter }) => {
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
});

test("another venue's card → shows that venue and where it is", async ({ counter, world, page }, testInfo) => {
  const card = world.picks.otherVenue;
  await counter.scan(card.reservationNo);
  await counter.expectOutcome('other-venue', /別の会場のカードです/);
  await expect(page.getByTestId('other-venue-name')).toHaveText('総合区民センター');
  await expect(page.getByTestId('other-venue-place')).toHaveText('総合区民センター 2階');
  await expect(counter.outcome).not.toContainText(card.name); // no personal data of another venue's resident
  await counter.shot(testInfo, 'outcome-other-venue');
});

test('unknown number → not in the ledger', async ({ counter, world, page }, testInfo) => {
  await counter.scan(world.picks.unknownNo);
  await counter.expectOutcome('not-in-ledger', /台帳にない番号です/);
  await expect(page.getByTestId('outcome-code')).toHaveText(world.picks.unknownNo);
  await counter.shot(testInfo, 'outcome-not-in-ledger');
});

test('garbage → malformed, showing what was read', async ({ counter, page }, testInfo) => {
  await counter.scan('NOT-A-NUMBER');
  await counter.expectOutcome('malformed', /予約管理番号として読み取れません/);
  await expect(page.getByTestId('outcome-code')).toHaveText(/not-a-number/i);
  await counter.shot(testInfo, 'outcome-malformed');
});

test('a card of a shipment not checked yet → says the box awaits its receipt check, and who to ask', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const card = world.picks.notReceived;
  await counter.scan(card.reservationNo);
  await counter.expectOutcome('not-received', /受領確認前の出荷のカードです/);
  await expect(page.getByTestId('not-received-why')).toHaveText(
    `このカードの出荷（${card.shipmentId}）は、まだ会場で受領確認されていません。`,
  );
  await expect(page.getByTestId('not-received-todo')).toContainText('会場責任者に受領確認（F4 → 受領確認）を頼んでください');
  await expect(counter.outcome).not.toContainText('未着');
  await expect(page.getByTestId('outcome-code')).toHaveText(card.reservationNo);
  await expect(counter.outcome).toContainText(card.shipmentId);
  await counter.shot(testInfo, 'outcome-not-received');
});

test('a scan without the hyphen, in lower case, still finds the card', async ({ counter, world }) => {
  const card = world.picks.ok[1]!;
  await counter.scanCard(card.reservationNo.replace('-', '').toLowerCase(), card.name);
});
