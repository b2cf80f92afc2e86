import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeLineBreaks, physicalLine, splitCsvRecords, splitCsvRecordsWithCsvParse } from './csv-records';
import { recordLines, writeCsv } from '../testing/roster-bytes';

const split = (text: string) => splitCsvRecords(normalizeLineBreaks(text));

describe('splitCsvRecords', () => {
  it('splits plain and quoted fields, with "" escapes', () => {
    assert.deepEqual(split('a,b,c\n1,"x,y","say ""hi"""\n'), {
      ok: true,
      truncated: false,
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['1', 'x,y', 'say "hi"'] },
      ],
    });
  });

  it('numbers records by the physical line they start on, across quoted newlines, CRLF, CR and blank lines', () => {
    const text = 'h1,h2\r\n\r\n1,"a\r\nb\r\nc"\r\n2,z\r\n,\r\n \r\n3,"\r\n"\r\n4,w';
    const r = split(text);
    assert.ok(r.ok);
    assert.deepEqual(
      r.records.map((x) => [x.line, x.fields]),
      [
        [1, ['h1', 'h2']],
        [3, ['1', 'a\nb\nc']],
        [6, ['2', 'z']],
        [9, ['3', '\n']],
        [11, ['4', 'w']],
      ],
    );
    const cr = split('a\r1,"x\ry"\r2');
    assert.ok(cr.ok);
    assert.deepEqual(
      cr.records.map((x) => x.line),
      [1, 2, 4],
    );
  });

  it('keeps empty fields, including a trailing comma, and a last line without line break', () => {
    const r = split('a,,c,\n,x,,');
    assert.ok(r.ok);
    assert.deepEqual(
      r.records.map((x) => x.fields),
      [
        ['a', '', 'c', ''],
        ['', 'x', '', ''],
      ],
    );
  });

  it('reports an unclosed quote on the line where it opened', () => {
    const r = split('a,b\n1,2\n3,"open\n4,5\n6,7\n');
    assert.deepEqual(r.ok ? null : [r.line, r.text], [3, '3,"open']);
  });

  it('reports a quote inside an unquoted value, and text after a closing quote', () => {
    const stray = split('a,b\n1,2\n3,x"y\n');
    assert.deepEqual(stray.ok ? null : stray.line, 3);
    const after = split('a,b\n1,"x"y\n');
    assert.deepEqual(after.ok ? null : after.line, 2);
    const spaced = split('a,b\n1,"x" \n');
    assert.equal(spaced.ok, false);
    const afterNewline = split('a,b\n1,"x\ny"z\n');
    assert.deepEqual(afterNewline.ok ? null : afterNewline.line, 3);
  });

  it('stops after maxRecords', () => {
    const r = splitCsvRecords('a\nb\nc\n', { maxRecords: 2 });
    assert.deepEqual(r, {
      ok: true,
      truncated: true,
      records: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
      ],
    });
    const exact = splitCsvRecords('a\nb\n', { maxRecords: 2 });
    assert.ok(exact.ok && !exact.truncated);
  });

  it('physicalLine returns the text of a line', () => {
    assert.equal(physicalLine('a\nb\nc', 2), 'b');
    assert.equal(physicalLine('a\nb\nc', 3), 'c');
    assert.equal(physicalLine('a\nb\nc', 9), '');
  });
});

describe('splitCsvRecords agrees with csv-parse (differential property)', () => {
  // A small alphabet hits the interesting cases (quotes, separators, line breaks) often.
  const csvish = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '""', '\n', '\r\n', '\r', ' ', ''), maxLength: 40 });

  it('same records, same start lines, same accept/reject on arbitrary CSV-like text', () => {
    fc.assert(
      fc.property(csvish, (raw) => {
        const text = normalizeLineBreaks(raw);
        const fast = splitCsvRecords(text);
        const reference = splitCsvRecordsWithCsvParse(text);
        assert.equal(fast.ok, reference.ok, `ok differs for ${JSON.stringify(raw)}: ${JSON.stringify([fast, reference])}`);
        if (fast.ok && reference.ok) assert.deepEqual(fast.records, reference.records, JSON.stringify(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('written records read back with their line numbers (round trip)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '江', ',', '"', '\n', '\r\n', ' ', 'x'), maxLength: 8 });
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => r.some((f) => f.trim() !== ''));
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
        (records, quoteAll, lineBreak) => {
          const text = normalizeLineBreaks(writeCsv(records, { quoteAll, lineBreak }));
          const r = splitCsvRecords(text);
          assert.ok(r.ok);
          const lines = recordLines(records);
          assert.deepEqual(
            r.records,
            records.map((fields, i) => ({ line: lines[i], fields: fields.map((f) => f.replace(/\r\n/g, '\n')) })),
          );
          assert.deepEqual(splitCsvRecordsWithCsvParse(text), r);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
