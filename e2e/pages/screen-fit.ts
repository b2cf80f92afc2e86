// "Does this screen fit the window?" for the screen-fit suite: the page itself never scrolls, an open dialog
// never scrolls inside, the stage never overflows (a lead's page scrolls inside itself), and the elements a user must see (the confirm
// button, the Esc hint, an error) lie wholly inside the viewport. Each screen's picture is kept under
// test-results/screen-fit/<width>x<height>-<name>.png for a person to look at.
import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ROOT } from '../demo-world';

/** A counter PC's screen less an app window's title bar and the taskbar (1366×768 and 1280×720 screens). */
export const WINDOW_VIEWPORTS = [
  { width: 1366, height: 688 },
  { width: 1280, height: 640 },
] as const;

interface Overflow {
  page: number;
  inner: number;
  /** Scrollable overflow of the dialog or the counter's stage, in px (0 when it fits). */
  dialog: number;
  stage: number;
}

export async function expectFits(page: Page, name: string, mustSee: readonly Locator[] = [], opts: { dialogMayScroll?: boolean } = {}) {
  const vp = page.viewportSize()!;
  // Fonts and the outcome's fade-in settle before anything is measured or pictured.
  // The page's own code, as text: this folder is compiled without the DOM's types.
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  await page.screenshot({ path: join(ROOT, 'test-results/screen-fit', `${vp.width}x${vp.height}-${name}.png`) });
  const o = await page.evaluate<Overflow>(`(() => {
    const over = (el) => (el ? Math.max(0, el.scrollHeight - el.clientHeight) : 0);
    return {
      page: document.scrollingElement.scrollHeight,
      inner: window.innerHeight,
      dialog: over(document.querySelector('dialog[open]')),
      stage: over(document.querySelector('.stage')),
    };
  })()`);
  expect(o.page, `${name}: the page scrolls (${o.page} > ${o.inner})`).toBeLessThanOrEqual(o.inner);
  if (!opts.dialogMayScroll) expect(o.dialog, `${name}: the dialog scrolls inside`).toBeLessThanOrEqual(1);
  expect(o.stage, `${name}: the counter's stage overflows`).toBeLessThanOrEqual(1);
  for (const el of mustSee) {
    await expect(el).toBeVisible();
    const box = (await el.boundingBox())!;
    expect(box.y, `${name}: ${el.toString()} starts above the window`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${name}: ${el.toString()} ends below the window`).toBeLessThanOrEqual(vp.height + 0.5);
    expect(box.x + box.width, `${name}: ${el.toString()} ends right of the window`).toBeLessThanOrEqual(vp.width + 0.5);
  }
}
