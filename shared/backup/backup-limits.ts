// How many backups a station keeps at its destination and how often one must be known good: one range each for
// `madoguchi settings` (main/store/settings.ts) and the lead's page, so the two never accept different numbers.
export const BACKUP_KEEP = { min: 1, max: 365 } as const;
export const BACKUP_CHECK_DAYS = { min: 1, max: 90 } as const;
/** A path as long as Windows' long paths go; the setting holds no more. */
export const BACKUP_FOLDER_MAX = 1024;
