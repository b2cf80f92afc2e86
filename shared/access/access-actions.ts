// What the access record (個人情報取扱台帳) notes, one word each, and how the lead's page and its print say them.
// One list for main (which writes them) and the renderer (which shows them).

const ACCESS_ACTIONS = {
  'scan-view': 'スキャンで表示',
  search: '検索',
  'search-refused': '検索（上限で拒否）',
  'record-view': '記録を表示',
  'ledger-import': '台帳の取込',
  print: '印刷',
  export: '書き出し',
  'access-view': '取扱台帳の閲覧',
  backup: 'バックアップ',
  'backup-verify': 'バックアップの確認',
  // Where the copies of every resident's data go (the folder, how many are kept): who changed it, from what.
  'backup-settings': 'バックアップ先の変更',
  // The station opening without the passphrase for this OS user (on or off): who changed it.
  'auto-open-settings': '自動的に開く設定の変更',
  restore: 'バックアップから復元',
  // Who held the station, and who tried to.
  'sign-in': 'サインイン',
  'sign-out': 'サインアウト',
  lock: '画面ロック',
  unlock: 'ロック解除',
  'pin-failed': 'PINの誤り',
  'locked-out': 'PINの誤りでロック',
  'sign-in-refused': 'サインインを拒否',
  'account-unlocked': '職員のロックを解除',
} as const;

export type AccessAction = keyof typeof ACCESS_ACTIONS;

/** Who held the station and who tried to: not a use of residents' data, though kept in the same record. */
export const ACCOUNT_ACTIONS = [
  'sign-in',
  'sign-out',
  'lock',
  'unlock',
  'pin-failed',
  'locked-out',
  'sign-in-refused',
  'account-unlocked',
] as const;

/** An action as the page says it; one this version does not know (a newer station's) is shown as written. */
export function accessActionLabel(action: string): string {
  return (ACCESS_ACTIONS as Record<string, string>)[action] ?? action;
}

/**
 * The changes to a resident's record (events about one card) as the same page says them: an event is its own
 * record of use, so the page lists them beside the looks.
 */
export const CARD_EVENT_LABELS: Readonly<Record<string, string>> = {
  'handover.recorded': '交付',
  'handover.refused': '交付を断った',
  'handover.undone': '交付の取消',
  'receipt.card-received': '受領確認で読取',
  'receipt.corrected': '受領記録の訂正',
  'card.damaged': '破損として記録',
  'card.damage-withdrawn': '破損の取消',
  'card.returned': '返戻',
};
