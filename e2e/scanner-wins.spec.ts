// The scanner always wins (issue 12): whatever has the focus — the lock screen, sign-in, a dialog's text
// field, a memo — a scanner's burst is a scan, never typed into the field nor submitted as a PIN, and it
// waits, visibly, until the screen can take it. A person's typing still reaches the field. Keys are pressed
// with the timings of shared/scanner/key-timings.fixture.ts (scanners 1–15 ms, some in bursts; typists
// ≥ 25 ms), at 1366×768.
import { test, expect } from './fixtures';
import { STAFF } from './demo-world';
import { replayImeKeys, replayKeys as replay, scannerKeys, typistKeys } from './pages/key-replay';
import { SCANNER_RECORDINGS, TYPIST_RECORDINGS } from '../shared/scanner/key-timings.fixture';

test.use({ viewport: { width: 1366, height: 768 } });

const scanner = (i: number, code: string) => scannerKeys(code, i);
const typist = (i: number, text: string) => typistKeys(text, i);

test('on the lock screen a scan is held, not typed as a PIN: six scans cost no attempt, and the card shows after unlock', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const card = world.picks.ok[14]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '画面ロック中' })).toBeVisible();
  const pin = page.getByLabel('PIN', { exact: true });
  await expect(pin).toBeFocused();

  for (let i = 0; i < 6; i++) {
    await replay(page, scanner(i % SCANNER_RECORDINGS.length, card.reservationNo));
    await page.waitForTimeout(300); // the next notice under the scanner
  }
  await expect(page.getByTestId('held-scans')).toHaveText('ロック中です。読み取った番号はロック解除後に表示します（6件）');
  await expect(pin).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveCount(0); // nothing was submitted
  await counter.shot(testInfo, 'lock-screen-held-scan');

  await replay(page, TYPIST_RECORDINGS[2]!.keys); // 1111 ⏎, quickly: a person, so a PIN
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
  await expect(page.getByTestId('pending-scans')).toHaveCount(0); // the six, one after another: the same card
  await counter.shot(testInfo, 'lock-screen-held-scan-shown');
});

test('at sign-in a scan is held and shown once signed in; the staff id and PIN are typed as ever', async ({ counter, world, page }) => {
  const card = world.picks.ok[15]!;
  const staffId = page.getByLabel('職員ID');
  await expect(staffId).toBeFocused();
  await replay(page, scanner(1, card.reservationNo));
  await expect(page.getByTestId('held-scans')).toHaveText('サインインしていません。読み取った番号はサインイン後に表示します（1件）');
  await expect(staffId).toHaveValue('');

  await replay(page, typist(1, `${STAFF.clerk1.staffId}\t`));
  await expect(staffId).toHaveValue(STAFF.clerk1.staffId);
  await expect(page.getByLabel('PIN（数字）')).toBeFocused();
  await replay(page, TYPIST_RECORDINGS[2]!.keys);
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});

test('in 交付できない (F8) a scan is held, never the reason; the typed reason stays as typed', async ({ counter, world, page }) => {
  const [a, b] = [world.picks.ok[16]!, world.picks.ok[17]!];
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(a.reservationNo, a.name);
  await page.keyboard.press('F8');
  const reason = page.getByRole('dialog').getByRole('textbox');
  await reason.focus();
  await replay(page, typist(3, 'honnin fuzai'));
  await expect(reason).toHaveValue('honnin fuzai');
  await replay(page, scanner(0, b.reservationNo));
  await expect(page.getByRole('dialog').getByTestId('pending-scans')).toContainText('次のスキャンを保留中（1件）');
  await expect(reason).toHaveValue('honnin fuzai');
  // Cancelled: the clerk is still with A, whose result stays; the held scan waits for Esc.
  await page.keyboard.press('Escape');
  await expect(counter.cardName).toHaveText(a.name);
  await expect(page.getByTestId('outcome-footer')).toHaveText(/保留中のスキャンがあります/);
  await page.keyboard.press('Escape');
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(b.name);
});

test('in 交付できない (F8) with the IME on, a scan is still a scan, and the kana the IME made of it leave the reason', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const [a, b] = [world.picks.ok[14]!, world.picks.ok[15]!];
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await counter.scanCard(a.reservationNo, a.name);
  await page.keyboard.press('F8');
  const reason = page.getByRole('dialog').getByRole('textbox');
  await reason.fill('本人不在');
  await replayImeKeys(page, scanner(0, b.reservationNo));
  await expect(page.getByRole('dialog').getByTestId('pending-scans')).toContainText('次のスキャンを保留中（1件）');
  await expect(reason).toHaveValue('本人不在');
  // A person composing with the IME is left alone: their keys are theirs.
  await replayImeKeys(page, typist(3, 'fuzai\r'));
  await expect(reason).toHaveValue('本人不在ｆｕｚａｉ');
  await expect(page.getByRole('dialog').getByTestId('pending-scans')).toContainText('次のスキャンを保留中（1件）');
  await counter.shot(testInfo, 'ime-scan-in-reason');
  await page.keyboard.press('Escape');
  await expect(counter.cardName).toHaveText(a.name);
  await page.keyboard.press('Escape');
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(b.name);
});

test('in search (F3) a scan in the name field is held, not lost, and shown when the dialog closes', async ({ counter, world, page }) => {
  const card = world.picks.ok[18]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('F3');
  const dialog = page.getByTestId('search-dialog');
  const name = dialog.getByLabel(/氏名またはカナ/);
  await expect(name).toBeFocused();
  await replay(page, typist(1, 'yama'));
  await expect(name).toHaveValue('yama');
  await replay(page, scanner(4, card.reservationNo));
  await expect(dialog.getByTestId('pending-scans')).toContainText('（1件）');
  await expect(name).toHaveValue('yama');
  await dialog.getByLabel(/生年月日/).focus();
  await replay(page, scanner(2, card.reservationNo));
  await expect(dialog.getByLabel(/生年月日/)).toHaveValue('');
  await expect(dialog.getByTestId('pending-scans')).toContainText('（2件）');
  await page.keyboard.press('Escape');
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});

test('in the receipt check a scan in a memo field is a scan of the box, not the memo', async ({ counter, world, page }) => {
  const late = world.picks.notReceived.reservationNo;
  await counter.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
  await page.keyboard.press('F4');
  await page.getByTestId(`shipment-${world.lateShipmentId}`).getByRole('button', { name: 'スキャンで受領確認' }).click();
  const screen = page.getByTestId('receipt-check');
  await expect(screen).toBeVisible();
  const memo = screen.locator(`input[aria-label$=" のメモ"]:not([aria-label^="${late}"])`).first();
  await memo.focus();
  await replay(page, typist(3, 'hako ni nai'));
  await expect(memo).toHaveValue('hako ni nai');
  await replay(page, scanner(1, late));
  await expect(page.getByTestId('receipt-last')).toContainText(`${late}：受領しました`);
  await expect(memo).toHaveValue('hako ni nai');
});

test('stray keys on the waiting screen are shown, clear themselves, and never prefix the next scan', async ({
  counter,
  world,
  page,
}, testInfo) => {
  const card = world.picks.ok[19]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await replay(page, typist(0, '12'));
  await expect(page.getByTestId('stray-keys')).toContainText('「12」はスキャンではありません');
  await counter.shot(testInfo, 'stray-keys');
  await replay(page, scanner(0, card.reservationNo)); // within the stray keys' time: they are dropped, not prepended
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
  await expect(page.getByTestId('stray-keys')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await replay(page, typist(0, '34'));
  await expect(page.getByTestId('stray-keys')).toBeVisible();
  await expect(page.getByTestId('stray-keys')).toHaveCount(0, { timeout: 5_000 }); // gone by itself
});

test('a scan whose first key a busy page stamped 150 ms before the rest is still read whole, not as a stray and the rest', async ({
  counter,
  world,
  page,
}) => {
  const card = world.picks.ok[18]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  const keys = scanner(0, card.reservationNo);
  await replay(page, [keys[0]!, ...keys.slice(1).map((k) => ({ ...k, at: k.at + 150 }))]);
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});

test('a fast typist types a number into 番号入力 (F2), and it arrives there', async ({ counter, world, page }) => {
  const card = world.picks.ok[20]!;
  await counter.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
  await page.keyboard.press('F2');
  const field = page.getByTestId('manual-dialog').getByLabel(/予約管理番号/);
  await expect(field).toBeFocused();
  await replay(page, typist(1, card.reservationNo.toLowerCase()));
  await expect(field).toHaveValue(card.reservationNo.toLowerCase());
  await page.keyboard.press('Enter');
  await counter.expectOutcome('ok');
  await expect(counter.cardName).toHaveText(card.name);
});
