// The glossary is only worth having if every screen, print, CLI line and HQ report takes its words from it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import {
  BREAK_REASON_LABELS,
  CARD_STATE_LABELS,
  FIGURE_LABELS,
  INVARIANTS,
  invariantText,
  RECEIPT_CHECK_LABELS,
  SHIPMENT_RECEIPT_LABELS,
  UNCOLLECTED_LABEL,
  UNEXPECTED_KIND_LABELS,
} from './glossary';

const ROOT = join(import.meta.dirname, '..');

test('within each table a word names one thing', () => {
  for (const table of [
    FIGURE_LABELS,
    CARD_STATE_LABELS,
    RECEIPT_CHECK_LABELS,
    SHIPMENT_RECEIPT_LABELS,
    UNEXPECTED_KIND_LABELS,
    BREAK_REASON_LABELS,
  ]) {
    const words = Object.values(table);
    assert.equal(new Set(words).size, words.length, words.join('・'));
  }
});

test('未受領 (a resident who did not come) is never a word for a card', () => {
  const cardWords = [
    FIGURE_LABELS,
    CARD_STATE_LABELS,
    RECEIPT_CHECK_LABELS,
    SHIPMENT_RECEIPT_LABELS,
    UNEXPECTED_KIND_LABELS,
    BREAK_REASON_LABELS,
  ].flatMap((t) => Object.values(t));
  for (const w of cardWords) assert.ok(!w.includes(UNCOLLECTED_LABEL), w);
  assert.equal(CARD_STATE_LABELS['not-received'], FIGURE_LABELS.notReceived, 'a card not received is 未着, as a state and as a figure');
});

test('the invariants read as the README writes them', () => {
  assert.deepEqual(
    INVARIANTS.map((inv) => invariantText(inv)),
    ['送付 = 受領 + 未着', '受領 = 交付 + 交付待ち + 返戻'],
  );
  const counts = { shipped: 5, received: 4, notReceived: 1, handedOver: 2, outstanding: 1, returned: 1, refusals: 0, damaged: 0 };
  assert.equal(invariantText(INVARIANTS[0]!, counts), '送付 5 = 受領 4 + 未着 1');
});

// What people read comes from these folders; tests are left out (they may quote any word).
const PEOPLE_FACING = ['renderer', 'shared/print', 'main/cli', 'main/hq', 'main/print', 'main/app'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Code lines (comments aside) of the people-facing sources, with where they are. */
function codeLines(): { where: string; line: string }[] {
  return PEOPLE_FACING.flatMap(sourceFiles).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${relative(ROOT, file)}:${i + 1}`, line }))
      .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line)),
  );
}

test('no screen, print, CLI or HQ report spells a glossary word beside a count: it takes the word from the glossary', () => {
  const words = new Set([...Object.values(FIGURE_LABELS), ...Object.values(RECEIPT_CHECK_LABELS), UNCOLLECTED_LABEL, '対象外', 'スキャン']);
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[()（）]/g, '\\$&'))
    .join('|');
  // A word standing as a label (after a start, a space or punctuation) right before an interpolated number.
  // J-LIS's own 受領 (cards HQ receives from J-LIS) is another subject's word and says so.
  const beside = new RegExp(`(?<![^\\s・、（(>\`'":：])(?<!J-LIS (からの)?)(${alternatives})[ 　]?(\\$\\{|\\{)`);
  const found = codeLines()
    .filter(({ line }) => beside.test(line))
    .map(({ where, line }) => `${where}: ${line.trim()}`);
  assert.deepEqual(found, []);
});

test('retired words are gone: 余剰, not 対象外; 未受領 only through UNCOLLECTED_LABEL', () => {
  const found = codeLines()
    .filter(({ line }) => /対象外|未受領/.test(line))
    .map(({ where, line }) => `${where}: ${line.trim()}`);
  assert.deepEqual(found, []);
});
