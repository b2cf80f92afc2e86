// The export crash test's moving parts (main/sync/export-crash.test.ts): a child that exports and says so line by
// line, killed at a chosen moment, and one station's history across every run of it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SyncWorld } from './sync-fixtures';
import { cards } from './fixtures';
import { openSiteWithKey, type VenueStore } from '../store/data-folder';

export interface RunResult {
  /** Highest k the child announced "exporting k" for. */
  started: number;
  acks: { k: number; seq: number; sha256: string; ms: number }[];
  done: boolean;
}

/** Kill `afterMs` after "exporting <during>" (0: the moment the line arrives); null lets the child finish. */
export type Kill = { during: number; afterMs: number } | null;

export function runChild(script: string, planFile: string, kill: Kill): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, planFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: RunResult = { started: 0, acks: [], done: false };
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [word, ...rest] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (word === 'exporting') {
          result.started = Number(rest[0]);
          // Aiming at one export at a time keeps kills inside exports however loaded the machine is.
          if (kill && result.started === kill.during) {
            if (kill.afterMs === 0) child.kill('SIGKILL');
            else setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
          }
        } else if (word === 'exported') {
          result.acks.push({ k: Number(rest[0]), seq: Number(rest[1]), sha256: rest[2]!, ms: Number(rest[3]) });
        } else if (word === 'done') result.done = true;
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child exited ${code ?? signal}: ${stderr}`));
      else resolve(result);
    });
  });
}

/** One station's history across every run: what it has ever shown for each number. */
export class Station {
  readonly dir: string;
  readonly outbox: string;
  readonly dbKey: Buffer;
  readonly reservationNos: string[];
  /** seq → sha256 from every source: acknowledgements, files in the outbox, rows in the database. */
  readonly seen = new Map<number, { sha256: string; from: string }>();
  readonly verified = new Set<string>();
  committed = 0;
  readonly tempsLeft = new Set<string>();

  constructor(
    readonly world: SyncWorld,
    readonly stationId: string,
    index: number,
    cardsPerStation: number,
  ) {
    this.dir = join(world.dir, stationId);
    this.outbox = join(world.dir, 'outbox', stationId);
    this.dbKey = Buffer.from(world.dbKeys[stationId]!, 'hex');
    this.reservationNos = cards(1 + index * cardsPerStation, cardsPerStation).map((c) => c.reservationNo);
  }

  note(seq: number, sha256: string, from: string, label: string): void {
    const before = this.seen.get(seq);
    if (!before) this.seen.set(seq, { sha256, from });
    else
      assert.equal(sha256, before.sha256, `${label}: ${this.stationId} #${seq} reused for different content (${before.from} vs ${from})`);
  }

  open(): VenueStore {
    return openSiteWithKey(this.dir, 'toyosu', this.stationId, this.dbKey).store as VenueStore;
  }
}
