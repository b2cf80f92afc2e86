// Per-station settings kept in the encrypted store, with defaults; changed with `madoguchi settings`.
import { z } from 'zod';
import type { Db } from '../db/connection';
import { readSettingText, writeSettingText } from '../db/queries/settings';
import { BACKUP_CHECK_DAYS, BACKUP_FOLDER_MAX, BACKUP_KEEP } from '../../shared/backup/backup-limits';

export const SETTINGS = {
  'idle-lock-minutes': {
    schema: z.coerce.number().int().min(1).max(120),
    default: 5,
    allowed: '1〜120 の整数',
    help: '無操作で画面をロックするまでの分数',
  },
  'scanner-mode': {
    schema: z.enum(['keyboard', 'hid', 'none']),
    default: 'keyboard' as const,
    allowed: 'keyboard / hid / none',
    help: 'バーコードスキャナーの接続方式（keyboard: キーボード入力型、hid: HID POS）',
  },
  'scanner-layout': {
    schema: z.enum(['us', 'jis']),
    default: 'us' as const,
    allowed: 'us / jis',
    help: 'キーボード入力型スキャナーのキー配列設定',
  },
  'sync-outbox': {
    schema: z.string().min(1).max(1024),
    default: 'outbox',
    allowed: '1〜1024 文字のフォルダ',
    help: '日締めで同期ファイルを書き出す送信用フォルダ（相対パスはデータフォルダから）',
  },
  'personal-data-seconds': {
    schema: z.coerce.number().int().min(10).max(600),
    default: 60,
    allowed: '10〜600 の整数',
    help: '交付結果・確認メッセージに住民の氏名等を表示しておく秒数（過ぎると待ち受けに戻り、メッセージから氏名を消す）',
  },
  'station-label': {
    schema: z.string().trim().min(1).max(20),
    default: '',
    allowed: '1〜20 文字',
    help: 'この端末の呼び名（例: 窓口1）。交付済みの画面などで会場名と並べて表示（未設定なら端末ID）',
  },
  'sibling-pull-minutes': {
    schema: z.coerce.number().int().min(0).max(120),
    default: 5,
    allowed: '0〜120 の整数',
    help: '同じ会場の他の窓口の同期ファイルを自動で取り込む間隔（分）。起動時にも取り込みます。0 で自動取込なし',
  },
  'collection-deadline-days': {
    schema: z.coerce.number().int().min(1).max(730),
    default: 90,
    allowed: '1〜730 の整数',
    help: '受取期限: 交付通知書の発送日から何日で返戻の対象になるか',
  },
  'backup-folder': {
    schema: z.string().max(BACKUP_FOLDER_MAX),
    default: '',
    allowed: '1024 文字までのフォルダ（空なら日締めでバックアップしない）',
    help: '日締めでバックアップを作るフォルダ（USBメモリや区の共有フォルダ。相対パスはデータフォルダから）',
  },
  'backup-keep': {
    schema: z.coerce.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max),
    default: 14,
    allowed: '1〜365 の整数',
    help: 'バックアップ先に残すこの端末のバックアップの数（古いものから消す）',
  },
  'backup-check-days': {
    schema: z.coerce.number().int().min(BACKUP_CHECK_DAYS.min).max(BACKUP_CHECK_DAYS.max),
    default: 3,
    allowed: '1〜90 の整数',
    help: '確認済みのバックアップがこの日数より古くなったら会場責任者に知らせる',
  },
  'contract-end': {
    schema: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
    default: '',
    allowed: 'YYYY-MM-DD（空なら未設定）',
    help: '委託業務の終了日。この日の後、区の承認を経て個人情報をすべて消去する（madoguchi retention plan）',
  },
} as const;
export type SettingKey = keyof typeof SETTINGS;

/**
 * Settings a running app reads once, when it starts (the scanner's wiring) or when the station is unlocked (the
 * name its unlock and sign-in screens show): a change reaches it at its next start. The rest are read afresh.
 */
export const READ_AT_START: ReadonlySet<SettingKey> = new Set(['scanner-mode', 'station-label']);
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const value = readSettingText(db, key);
  const parsed = value === undefined ? undefined : SETTINGS[key].schema.safeParse(value);
  return (parsed?.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export function writeSetting(db: Db, key: SettingKey, raw: string): { ok: true } | { ok: false; message: string } {
  const parsed = SETTINGS[key].schema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `${key} の値が不正です: ${raw}（${SETTINGS[key].allowed}）` };
  writeSettingText(db, key, String(parsed.data));
  return { ok: true };
}
