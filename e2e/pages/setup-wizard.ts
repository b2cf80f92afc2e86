// Page model of the first-run setup (初回設定): a step's fields by their labels, going on with Enter or the
// button, and the check that a step fits the window (screen-fit.ts) with its picture kept.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectFits, WINDOW_VIEWPORTS } from './screen-fit';

export class SetupWizardPage {
  readonly wizard: Locator;
  readonly stepTitle: Locator;
  readonly error: Locator;
  readonly next: Locator;

  constructor(readonly page: Page) {
    this.wizard = page.getByTestId('setup-wizard');
    this.stepTitle = this.wizard.getByRole('heading', { level: 2 });
    this.error = this.wizard.getByTestId('setup-error');
    this.next = this.wizard.locator('.setup-next');
  }

  field(label: string): Locator {
    return this.wizard.getByLabel(label, { exact: true });
  }

  async atStep(n: number, title: string): Promise<void> {
    await expect(this.stepTitle).toHaveText(`${n}／6\u3000${title}`);
  }

  /**
   * The step fits the screen (no scrolling, the step and its button in view), and the app's window on a 1366×768
   * and a 1280×720 screen too; each picture is kept as <width>x<height>-setup-<name>.png.
   */
  async fits(name: string): Promise<void> {
    const screen = this.page.viewportSize()!;
    for (const size of [screen, ...WINDOW_VIEWPORTS]) {
      await this.page.setViewportSize(size);
      await expectFits(this.page, `setup-${name}`, [this.next, this.stepTitle]);
    }
    await this.page.setViewportSize(screen);
  }

  /** Types into a field as a person does and goes on with Enter. */
  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }
}
