// Ordered schema migrations, keyed by PRAGMA user_version. Append only: never edit a shipped step.
import type { Db } from '../connection';
import { up as v1 } from './0001-event-log-and-ledger';
import { up as v2 } from './0002-counter';
import { up as v3 } from './0003-hq-ledgers';
import { up as v4 } from './0004-sync';
import { up as v5 } from './0005-station-labels';
import { up as v6 } from './0006-future-dated-alert';
import { up as v7 } from './0007-chains';
import { up as v8 } from './0008-staff-lock-until-unlocked';
import { up as v9 } from './0009-station-revocation';
import { up as v10 } from './0010-restore';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'event log and shipment ledger', up: v1 },
  { version: 2, name: 'counter: event subjects, staff, access record, settings', up: v2 },
  { version: 3, name: 'HQ: the ledgers HQ built, with their rows', up: v3 },
  { version: 4, name: 'daily sync: keys, published files, registered stations, files taken in, alerts', up: v4 },
  { version: 5, name: 'daily sync: what each registered station is called at its venue', up: v5 },
  { version: 6, name: 'daily sync: a file holding times in the receiver’s future is flagged', up: v6 },
  { version: 7, name: 'access record and own events chained by hash; access rewound/rewritten alerts', up: v7 },
  { version: 8, name: 'staff: an account locked until a lead unlocks it', up: v8 },
  { version: 9, name: 'daily sync: a station whose keys are lost is revoked; its later files are refused', up: v9 },
  { version: 10, name: 'restore: files taken in are kept as received; a station restored from a backup is said', up: v10 },
];
