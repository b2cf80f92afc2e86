// The station's own label (窓口2) in plain text beside the keyring (station-label.json). The label is a setting
// inside the encrypted database, so before the venue passphrase is typed nothing could tell two counter PCs of
// one venue apart: the unlock screen named the venue alone. This copy lets it say 「本庁舎 窓口2」 first.
//
// Display only: a label is what a lead calls the PC, not personal data, and nothing but the unlock screen reads
// this file. It is not authenticated (anyone who can write the folder can change it), so a missing, garbled or
// foreign copy is read as no label (the screen names the venue, as before), never as an error; once the folder
// is open the database's label is what counts, and the copy is rewritten whenever it differs from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { writeFileAtomic } from '../files/atomic-write';
import { parseJsonOrUndefined } from '../files/safe-json';
import { STATION_LABEL_FILE } from './folder-files';
import { readSetting } from './settings';
import { StationId } from '../../shared/events/event';

/** As long as the `station-label` setting allows (settings.ts). */
const MAX_LABEL = 20;

// One line of visible text: no control characters (line breaks included), no bidirectional overrides or
// isolates (they would turn the venue's name around it), no invisible format characters.
const PlainLabel = z
  .string()
  .min(1)
  .max(MAX_LABEL)
  .refine((s) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(s) && s.trim() === s && s.trim() !== '');

const LabelFile = z.strictObject({
  format: z.literal('madoguchi-station-label'),
  version: z.literal(1),
  // Whose label: a file copied in from another station's folder (a PC set up from 窓口1's copy) is not this one's.
  stationId: StationId,
  // Null: no label is set (the screens name the venue alone).
  label: PlainLabel.nullable(),
});

/** The file's label (null: none set), or undefined where there is no usable file for this station. */
function readLabelFile(dir: string, stationId: string): { label: string | null } | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, STATION_LABEL_FILE), 'utf8');
  } catch {
    return undefined;
  }
  // A label file is a few dozen bytes; anything far larger is not one, and is not parsed.
  if (text.length > 1024) return undefined;
  const parsed = LabelFile.safeParse(parseJsonOrUndefined(text));
  return parsed.success && parsed.data.stationId === stationId ? { label: parsed.data.label } : undefined;
}

/**
 * The station's label as last copied beside the keyring, for the screens before unlock: null when none is set,
 * or when the file is missing, garbled, too long, not plain text or another station's.
 */
export function readStationLabel(dir: string, stationId: string): string | null {
  return readLabelFile(dir, stationId)?.label ?? null;
}

export interface LabelKeeper {
  /** Brings station-label.json up to the database's label (nothing written when it already says it). */
  sync(): void;
}

/** Keeps the copy of an open venue folder's label; synced when the folder opens (and is made) and when it closes. */
export function labelKeeper(dir: string, db: Db, stationId: string): LabelKeeper {
  let written = readLabelFile(dir, stationId);
  return {
    sync() {
      try {
        const set = readSetting(db, 'station-label');
        // A label the copy could not hold (one the setting let through with a control character in it) is left
        // out of it: the screen before unlock then names the venue alone.
        const label = PlainLabel.safeParse(set).success ? set : null;
        if (written !== undefined && written.label === label) return;
        const file: z.infer<typeof LabelFile> = { format: 'madoguchi-station-label', version: 1, stationId, label };
        writeFileAtomic(join(dir, STATION_LABEL_FILE), JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
        written = { label };
      } catch {
        // A copy not written (a full disk, a read-only folder) only leaves the unlock screen naming the venue
        // alone, or an older label until the next open; the folder opens and closes regardless.
      }
    },
  };
}
