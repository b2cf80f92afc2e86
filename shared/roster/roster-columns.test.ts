import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeNoticeType, NoticeType } from './notice-type';
import { describeAcceptedColumns, foldHeader, matchRosterColumn, ROSTER_COLUMN_KEYS, ROSTER_COLUMNS } from './roster-columns';

describe('roster columns', () => {
  it('lists every canonical column once, canonical header first', () => {
    assert.deepEqual(
      ROSTER_COLUMNS.map((c) => c.key),
      [...ROSTER_COLUMN_KEYS],
    );
    assert.deepEqual(
      ROSTER_COLUMNS.map((c) => c.headers[0]),
      ['予約管理番号', '氏名', '氏名カナ', '生年月日', '住所', '通知種別', '発送日'],
    );
  });

  it('matches every listed header to its column', () => {
    for (const col of ROSTER_COLUMNS) {
      for (const h of col.headers) assert.equal(matchRosterColumn(h), col.key, h);
    }
  });

  it('no header spelling folds onto two columns', () => {
    const seen = new Map<string, string>();
    for (const col of ROSTER_COLUMNS) {
      for (const h of col.headers) {
        const f = foldHeader(h);
        const other = seen.get(f);
        assert.ok(other === undefined || other === col.key, `${h} is ambiguous`);
        seen.set(f, col.key);
      }
    }
  });

  it('is tolerant of 全角/半角, case, spaces and a BOM', () => {
    assert.equal(matchRosterColumn('\uFEFF予約管理番号'), 'reservationNo');
    assert.equal(matchRosterColumn('  予約管理番号　'), 'reservationNo');
    assert.equal(matchRosterColumn('予約管理ｎｏ'), 'reservationNo');
    assert.equal(matchRosterColumn('予約管理no'), 'reservationNo');
    assert.equal(matchRosterColumn('予約管理Ｎｏ．'), 'reservationNo');
    assert.equal(matchRosterColumn('ﾌﾘｶﾞﾅ'), 'kana');
    assert.equal(matchRosterColumn('氏名(カナ)'), 'kana');
    assert.equal(matchRosterColumn('氏名 カナ'), 'kana');
    assert.equal(matchRosterColumn('ふりがな'), 'kana');
    assert.equal(matchRosterColumn('カナ氏名'), 'kana');
    assert.equal(matchRosterColumn('氏名漢字'), 'name');
    assert.equal(matchRosterColumn('氏名（漢字）'), 'name');
    assert.equal(matchRosterColumn(' 発送日 '), 'shippedOn');
  });

  it('ignores unknown headers', () => {
    for (const h of ['', '備考', '性別', '氏', '予約', 'No']) assert.equal(matchRosterColumn(h), null, h);
  });

  it('describeAcceptedColumns is a markdown table naming every header', () => {
    const md = describeAcceptedColumns();
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, ROSTER_COLUMNS.length + 2); // heading row and separator row
    for (const col of ROSTER_COLUMNS) {
      for (const h of col.headers) assert.ok(md.includes(`「${h}」`), h);
    }
    assert.match(md, /\| --- \| --- \| --- \|/);
  });
});

describe('normalizeNoticeType', () => {
  it('accepts 通常 and 再発行, trimmed and NFKC-folded', () => {
    assert.deepEqual(normalizeNoticeType('通常'), { ok: true, value: '通常' });
    assert.deepEqual(normalizeNoticeType('再発行'), { ok: true, value: '再発行' });
    assert.deepEqual(normalizeNoticeType(' 通常\u3000'), { ok: true, value: '通常' });
    assert.equal(NoticeType.safeParse('再発行').success, true);
  });

  it('refuses the abbreviation 再 with its own explanation, and anything else', () => {
    const abbreviated = normalizeNoticeType('再');
    assert.equal(abbreviated.ok, false);
    if (!abbreviated.ok) assert.match(abbreviated.reason, /略記/);
    for (const bad of ['', '再交付', '1', '通 常', 'normal']) assert.equal(normalizeNoticeType(bad).ok, false, bad);
  });
});
