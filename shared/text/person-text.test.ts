import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { personText } from './person-text';

const reason = personText('理由', 200, true);
const memo = personText('メモ', 200, false);
const problem = (schema: typeof reason, s: string) => {
  const r = schema.safeParse(s);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('text a person records (a reason, a memo)', () => {
  it('takes what people write: Japanese, digits, punctuation, emoji; trimmed and composed', () => {
    assert.deepEqual(reason.parse('  書類不足（運転免許証の期限切れ）  '), '書類不足（運転免許証の期限切れ）');
    assert.equal(reason.parse('本人確認書類なし 📄'), '本人確認書類なし 📄');
    assert.equal(reason.parse('カ\u3099'), '\u30ac', 'カ + combining ゛ is stored as one ガ');
    assert.equal(memo.parse(''), '', 'a memo may be empty');
  });

  it('refuses what nobody can see or what changes how a line reads, naming what is wrong', () => {
    assert.equal(problem(reason, '\u0000'), '理由に制御文字が含まれています');
    assert.equal(problem(reason, '期限切れ\u001b[31m'), '理由に制御文字が含まれています');
    assert.equal(problem(reason, 'abc\u202edef'), '理由に文字の向きを変える書式文字が含まれています');
    assert.equal(problem(reason, '\u2067x'), '理由に文字の向きを変える書式文字が含まれています');
    assert.equal(problem(reason, 'a\ud800b'), '理由に読み取れない文字（壊れた文字）が含まれています');
    assert.equal(problem(reason, '\udc00'), '理由に読み取れない文字（壊れた文字）が含まれています');
    assert.equal(problem(reason, '   '), '理由を入力してください');
    assert.equal(problem(reason, '\u200b\u200b'), '理由を入力してください', 'zero-width spaces are not a reason');
    assert.equal(problem(reason, 'あ'.repeat(201)), '理由は200文字以内で入力してください');
    assert.equal(problem(memo, 'メモ\u0000'), 'メモに制御文字が含まれています');
  });

  it('property: any text of letters, digits, punctuation and symbols (and spaces between) is taken as written', () => {
    const visible = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 50 })
      .filter((s) => /^[\p{L}\p{N}\p{P}\p{S} ]+$/u.test(s) && s.trim() !== '');
    fc.assert(fc.property(visible, (s) => reason.safeParse(s).success && reason.parse(s) === s.normalize('NFC').trim()));
  });
});

describe('line breaks in a reason', () => {
  it('a reason on two lines is taken, its line breaks kept as LF', () => {
    assert.equal(reason.parse('本人不在\r\n再来予定'), '本人不在\n再来予定');
    assert.equal(reason.parse('本人不在\n再来予定'), '本人不在\n再来予定');
    assert.equal(problem(reason, '本人不在\u000b再来予定'), '理由に制御文字が含まれています');
  });
});
