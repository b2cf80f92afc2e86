// What a person would see of a screen's layout, measured in the page: a date on one line or broken, a
// select's text with room beside its arrow, how many rows of a list show, what lies under a sticky header.
// The page's own code goes as text: this folder is compiled without the DOM's types.
import type { Page } from '@playwright/test';

/** Runs `fn` (a function's source) in the page with JSON arguments. */
const inPage = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> => page.evaluate<T>(`(${fn})(...${JSON.stringify(args)})`);

/** Dates as the app writes them: 西暦, 和暦 and date with time. */
const DATES = String.raw`\d{4}年\d{1,2}月\d{1,2}日|(?:明治|大正|昭和|平成|令和)(?:元|\d{1,2})年\d{1,2}月\d{1,2}日|\d{4}/\d{2}/\d{2} \d{2}:\d{2}`;

/** Every date written inside `scope`, with the number of lines it is laid out on (1 unless it broke). */
export const datesIn = (page: Page, scope: string) =>
  inPage<{ text: string; lines: number }[]>(
    page,
    `(scope, dates) => {
      const found = [];
      const walker = document.createTreeWalker(document.querySelector(scope), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.textContent.matchAll(new RegExp(dates, 'g'))) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.bottom)));
          found.push({ text: m[0], lines: tops.size });
        }
      }
      return found;
    }`,
    scope,
    DATES,
  );

/**
 * Selects under `scope` whose text would not show whole: the box less its left padding is narrower than its
 * longest option plus the arrow and a gap (1.5em in all), or lower than a line of its text.
 */
export const clippedSelects = (page: Page, scope: string) =>
  inPage<string[]>(
    page,
    `(scope) => {
      const ctx = document.createElement('canvas').getContext('2d');
      const bad = [];
      for (const s of document.querySelectorAll(scope + ' select')) {
        if (!s.checkVisibility()) continue;
        const cs = getComputedStyle(s);
        ctx.font = cs.font;
        const size = parseFloat(cs.fontSize);
        const text = Math.max(...[...s.options].map((o) => ctx.measureText(o.text).width));
        // The arrow is drawn in the right-hand padding: the text's room is all but the left padding.
        const room = s.clientWidth - parseFloat(cs.paddingLeft);
        const high = s.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
        if (room < text + 1.5 * size || high < 1.2 * size || s.scrollWidth > s.clientWidth)
          bad.push((s.getAttribute('aria-label') ?? s.id) + ': room ' + room + ' for ' + text + ', height ' + high);
      }
      return bad;
    }`,
    scope,
  );

/** The nearest scrolling box around `target` (the page's own scroller if none). */
const SCROLLER = `(el) => {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement;
}`;

/** Scrolls the box around `target` by `by` px (to its end if by is null); returns how far it moved. */
export const scrollAround = (page: Page, target: string, by: number | null) =>
  inPage<number>(
    page,
    `(target, by) => {
      const box = (${SCROLLER})(document.querySelector(target));
      const before = box.scrollTop;
      box.scrollTop = by === null ? box.scrollHeight : before + by;
      return box.scrollTop - before;
    }`,
    target,
    by,
  );

/**
 * After scrolling, what shows at the top of the box around `table` and across its header row: each point
 * should be a header cell (or inside one), never a row scrolled through or above it.
 */
export const underStickyHeader = (page: Page, table: string) =>
  inPage<string[]>(
    page,
    `(table) => {
      const t = document.querySelector(table);
      const scroller = (${SCROLLER})(t);
      const top = scroller.getBoundingClientRect().top + scroller.clientTop;
      // The header row as drawn (a sticky cell's box, not the thead's, which scrolls away with the rows).
      const cells = [...t.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
      const head = { left: cells[0].left, width: cells.at(-1).right - cells[0].left, top: cells[0].top, bottom: cells[0].bottom };
      const xs = [0.1, 0.5, 0.9].map((f) => head.left + f * head.width);
      const ys = [top + 1, head.top + 1, (head.top + head.bottom) / 2, head.bottom - 1];
      const wrong = [];
      for (const x of xs)
        for (const y of ys) {
          const el = document.elementFromPoint(x, y);
          if (!el || !el.closest('thead')) wrong.push(Math.round(x) + ',' + Math.round(y) + ': ' + (el ? el.tagName + ' ' + el.textContent.slice(0, 20) : 'nothing'));
        }
      return wrong;
    }`,
    table,
  );

/** How many of `rows` lie wholly inside the box that scrolls them (and the window). */
export const rowsInView = (page: Page, rows: string) =>
  inPage<number>(
    page,
    `(rows) => {
      const all = [...document.querySelectorAll(rows)];
      if (all.length === 0) return 0;
      const box = (${SCROLLER})(all[0]).getBoundingClientRect();
      const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
      return all.filter((r) => { const b = r.getBoundingClientRect(); return b.top >= top - 0.5 && b.bottom <= bottom + 0.5; }).length;
    }`,
    rows,
  );
