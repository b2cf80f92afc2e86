// Page model of the first-run setup (初回設定): a step's fields by their labels, going on with Enter or the
// button, and the check that a step fits the window (screen-fit.ts) with its picture kept.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectFits } from './screen-fit';

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

  /** The step fits the window (no scrolling, the button in view); its picture is kept as setup-<name>. */
  async fits(name: string): Promise<void> {
    await expectFits(this.page, `setup-${name}`, [this.next, this.stepTitle]);
  }

  /** Types into a field as a person does and goes on with Enter. */
  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }
}
