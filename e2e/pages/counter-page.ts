// Page model of the counter: intent-level actions and the locators the tests assert on. No sleeps: every
// wait is on something a user would see.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { replayKeys, scannerKeys } from './key-replay';
import { STAFF } from '../demo-world';

export class CounterPage {
  readonly surface: Locator;
  readonly outcome: Locator;
  readonly headline: Locator;
  readonly cardName: Locator;
  readonly notice: Locator;
  readonly idDialog: Locator;
  readonly statusToday: Locator;
  readonly statusOutstanding: Locator;

  constructor(readonly page: Page) {
    this.surface = page.getByTestId('scan-surface');
    this.outcome = page.getByTestId('outcome');
    this.headline = page.getByTestId('outcome-headline');
    this.cardName = this.outcome.getByTestId('card-name');
    this.notice = page.getByTestId('notice');
    this.idDialog = page.getByTestId('id-check-dialog');
    this.statusToday = page.getByTestId('status-today');
    this.statusOutstanding = page.getByTestId('status-outstanding');
  }

  async open(url: string, heading = '窓口 サインイン'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: heading })).toBeVisible();
  }

  /** Sign in and land on the counter. */
  async signIn(staffId: string, pin: string): Promise<void> {
    await this.typeCredentials(staffId, pin);
    await expect(this.page.getByText('バーコードをスキャンしてください')).toBeVisible();
    await expect(this.page.getByTestId('status-staff')).toContainText(staffId);
  }

  /**
   * A clerk looks a resident up (a use the record keeps), signs out, and the lead signs in and opens the
   * 個人情報取扱台帳 from the lead menu (F4): where the record's pages start.
   */
  async clerkScansThenLeadOpensRecord(card: { reservationNo: string; name: string }): Promise<void> {
    await this.signIn(STAFF.clerk1.staffId, STAFF.clerk1.pin);
    await this.scanCard(card.reservationNo, card.name);
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('button', { name: /サインアウト/ }).click();
    await this.signIn(STAFF.lead1.staffId, STAFF.lead1.pin);
    await this.page.keyboard.press('F4');
    await this.page.getByTestId('lead-panel').getByRole('button', { name: '個人情報取扱台帳' }).click();
  }

  /** A lead at the counter closes today (F4 → 照合・日報・日締め → この日を締める → 締める), as in the app. */
  async closeToday(): Promise<Locator> {
    await this.page.keyboard.press('F4');
    await this.page.getByRole('button', { name: '照合・日報・日締め' }).click();
    const recon = this.page.getByTestId('reconciliation-page');
    await recon.getByRole('button', { name: 'この日を締める（日締め）' }).click();
    await recon.getByRole('button', { name: '締める', exact: true }).click();
    await expect(recon.getByTestId('day-closed')).toContainText('締め済み');
    return recon;
  }

  /** Type a staff id and PIN at the sign-in screen (whatever screen the role then sees). */
  async typeCredentials(staffId: string, pin: string): Promise<void> {
    await this.page.getByLabel('職員ID').fill(staffId);
    await this.page.getByLabel('PIN（数字）').fill(pin);
    await this.page.getByLabel('PIN（数字）').press('Enter');
  }

  /**
   * What a keyboard-mode scanner does: type the code, then its Enter suffix, into the focused page, at a
   * scanner's pace (keyboard.type's presses arrive 3–90 ms apart, a person's pace in a text field).
   */
  async scan(code: string): Promise<void> {
    await replayKeys(this.page, scannerKeys(code));
  }

  async expectOutcome(kind: string, headline?: string | RegExp): Promise<void> {
    await expect(this.outcome).toHaveAttribute('data-kind', kind);
    if (headline) await expect(this.headline).toHaveText(headline);
  }

  /** Scan a card and wait for its name on screen. */
  async scanCard(code: string, name: string, kind = 'ok'): Promise<void> {
    await this.scan(code);
    await this.expectOutcome(kind);
    await expect(this.cardName).toHaveText(name);
  }

  /** From an ok outcome: Enter → 本人確認, one photo ID, PINs set, 交付する. */
  async handOverWithLicence(name: string): Promise<void> {
    await this.page.keyboard.press('Enter');
    await expect(this.idDialog).toBeVisible();
    await expect(this.idDialog.getByTestId('card-name')).toHaveText(name);
    await this.idDialog.getByLabel('運転免許証').check();
    await this.idDialog.getByLabel('暗証番号設定済み').check();
    await expect(this.idDialog.getByTestId('id-verdict')).toHaveText(/交付できます/);
    await this.idDialog.getByRole('button', { name: /交付する/ }).click();
    await expect(this.idDialog).toBeHidden();
    await expect(this.notice).toContainText(`交付を記録しました：${name}`);
  }

  async shot(testInfo: TestInfo, name: string): Promise<void> {
    await this.page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  }
}
