// 本人確認 at handover, as data: which documents exist, which carry a photo, and what counts as enough.
// Rules (the ward's practice, see mission notes A7): one photo ID (1点で可), or two others (2点必要).
// A proxy (代理人) needs an accepted reason, the resident's 照会書 (with PINs sealed) or a 委任状, and the
// proxy's own ID by the same 1-or-2 rule. Only document categories are recorded, never document numbers.
import { z } from 'zod';

export const PHOTO_ID_DOCUMENTS = [
  { id: 'drivers-license', label: '運転免許証' },
  { id: 'driving-history', label: '運転経歴証明書' },
  { id: 'passport', label: 'パスポート' },
  { id: 'residence-card', label: '在留カード' },
  { id: 'special-permanent', label: '特別永住者証明書' },
  { id: 'disability-physical', label: '身体障害者手帳' },
  { id: 'disability-mental', label: '精神障害者保健福祉手帳' },
  { id: 'disability-intellectual', label: '療育手帳' },
  { id: 'juki-card-photo', label: '住民基本台帳カード（写真付き）' },
  { id: 'mynumber-card', label: '個人番号カード' },
] as const;

export const OTHER_ID_DOCUMENTS = [
  { id: 'health-insurance', label: '健康保険の資格確認書・保険証' },
  { id: 'pension-book', label: '年金手帳・年金証書' },
  { id: 'care-insurance', label: '介護保険被保険者証' },
  { id: 'medical-recipient', label: '各種医療受給者証' },
  { id: 'bank-book', label: '預金通帳' },
  { id: 'employee-id', label: '社員証' },
  { id: 'student-id', label: '学生証' },
  { id: 'public-employee-id', label: '官公署職員証' },
  { id: 'photo-certificate', label: '顔写真証明書（施設長等の証明）' },
  { id: 'notice-card', label: '通知カード' },
] as const;

export const PROXY_REASONS = [
  { id: 'illness', label: '病気・けが' },
  { id: 'disability', label: '身体の障害' },
  { id: 'facility', label: '施設入所・入院' },
  { id: 'care', label: '要介護・要支援認定' },
  { id: 'abroad', label: '長期の海外出張・留学' },
  { id: 'minor', label: '未就学児・小中学生' },
  { id: 'guardian', label: '法定代理人（15歳未満・成年被後見人）' },
  { id: 'other', label: 'その他やむを得ない理由' },
] as const;

export const PROXY_LETTERS = [
  { id: 'inquiry-form', label: '照会書（暗証番号記入・封入済み）' },
  { id: 'power-of-attorney', label: '委任状' },
  { id: 'guardian-proof', label: '法定代理人の証明（戸籍謄本・登記事項証明書等）' },
] as const;

export const SURRENDERED_CARDS = [
  { id: 'notice-card', label: '通知カード' },
  { id: 'juki-card', label: '住基カード' },
] as const;

export const PIN_OUTCOMES = [
  { id: 'pins-set', label: '暗証番号設定済み' },
  { id: 'face-auth', label: '顔認証マイナンバーカード（暗証番号なし）' },
] as const;

type Ids<T extends readonly { id: string }[]> = T[number]['id'];
const ids = <T extends readonly { id: string }[]>(list: T) => list.map((d) => d.id) as [Ids<T>, ...Ids<T>[]];

const IdDocument = z.enum([...ids(PHOTO_ID_DOCUMENTS), ...ids(OTHER_ID_DOCUMENTS)] as [string, ...string[]]);

const DocumentSet = z.array(IdDocument).max(6);

/** What the clerk saw and ticked. Validated with `checkIdentity` before anything is recorded. */
export const IdCheck = z.strictObject({
  path: z.enum(['self', 'proxy']),
  documents: DocumentSet,
  proxy: z
    .strictObject({
      reason: z.enum(ids(PROXY_REASONS)),
      letter: z.enum(ids(PROXY_LETTERS)),
      documents: DocumentSet,
    })
    .nullable(),
  surrendered: z.array(z.enum(ids(SURRENDERED_CARDS))).max(2),
  pin: z.enum(ids(PIN_OUTCOMES)),
});
export type IdCheck = z.infer<typeof IdCheck>;

const PHOTO = new Set<string>(PHOTO_ID_DOCUMENTS.map((d) => d.id));
const OTHER = new Set<string>(OTHER_ID_DOCUMENTS.map((d) => d.id));

/** Exactly one photo ID, or exactly two different other documents (and nothing mixed in). */
export function documentsSuffice(documents: readonly string[]): boolean {
  const unique = new Set(documents);
  if (unique.size !== documents.length) return false;
  const photos = documents.filter((d) => PHOTO.has(d)).length;
  const others = documents.filter((d) => OTHER.has(d)).length;
  if (photos + others !== documents.length) return false;
  return (photos === 1 && others === 0) || (photos === 0 && others === 2);
}

export type IdentityVerdict = { ok: true } | { ok: false; reason: string };

export function checkIdentity(check: IdCheck): IdentityVerdict {
  if (check.path === 'self') {
    if (check.proxy !== null) return { ok: false, reason: '本人来庁では代理人の情報は入力しません' };
    return documentsSuffice(check.documents)
      ? { ok: true }
      : { ok: false, reason: '本人確認書類が不足しています（写真付き1点、または写真なし2点）' };
  }
  if (check.proxy === null) return { ok: false, reason: '代理人の来庁理由・書類を入力してください' };
  if (!documentsSuffice(check.proxy.documents)) {
    return { ok: false, reason: '代理人の本人確認書類が不足しています（写真付き1点、または写真なし2点）' };
  }
  // The resident's own documents come by the proxy's hand; the same 1-or-2 rule applies to them.
  if (!documentsSuffice(check.documents)) {
    return { ok: false, reason: '本人（申請者）の本人確認書類が不足しています（写真付き1点、または写真なし2点）' };
  }
  if (check.proxy.reason === 'guardian' && check.proxy.letter !== 'guardian-proof') {
    return { ok: false, reason: '法定代理人は代理権を証明する書類が必要です' };
  }
  if (check.proxy.reason !== 'guardian' && check.proxy.letter === 'guardian-proof') {
    return { ok: false, reason: '任意代理人は照会書または委任状が必要です' };
  }
  return { ok: true };
}
