// Child process for the export crash test (sync/export-crash.test.ts): opens a provisioned station's folder,
// then several times over scans and hands over a few cards and exports. Protocol on stdout, one line each:
//   ready                          folder open
//   exporting <k>                  about to call exportSyncFile for the k-th time in this run
//   exported <k> <seq> <sha> <ms>  exportSyncFile returned (the parent holds the station to these)
//   done <ms>                      every export returned
// Stdout to a pipe is written synchronously on Linux, so a line is out before the work it announces begins.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { VenueId } from '../../shared/venues/venues';
import type { IdCheck } from '../../shared/counter/id-documents';
import { openStoreWithKey } from '../store/data-folder';
import { systemClock } from '../clock';
import { decideScan, recordHandover } from '../counter/counter-service';
import { exportSyncFile } from '../sync/export';

export interface ExportChildPlan {
  dir: string;
  venue: VenueId;
  stationId: string;
  dbKeyHex: string;
  outbox: string;
  exports: number;
  /** Cards this station may hand over, in order; the parent passes those still outstanding. */
  reservationNos: string[];
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ExportChildPlan;
const clerk = { staffId: 'clerk1', displayName: 'x', role: 'clerk' as const };
const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
const say = (line: string) => process.stdout.write(`${line}\n`);

const store = openStoreWithKey(plan.dir, plan.venue, plan.stationId, Buffer.from(plan.dbKeyHex, 'hex'));
const ctx = { store, clock: systemClock };
const started = Date.now();
say('ready');
let next = 0;
for (let k = 1; k <= plan.exports; k++) {
  // Zero handovers sometimes: a file with no new events must still chain and carry the same coverage.
  const handovers = Math.floor(Math.random() * 3);
  for (let h = 0; h < handovers && next < plan.reservationNos.length; h++) {
    const reservationNo = plan.reservationNos[next++]!;
    // The scan writes an access record too, so files also carry a moving access-record head.
    const seen = decideScan(ctx, clerk, reservationNo);
    if (seen.kind !== 'ok') fail(`scan of ${reservationNo}: ${seen.kind}`);
    const r = recordHandover(ctx, clerk, reservationNo, idCheck);
    if (!r.ok) fail(`handover of ${reservationNo}: ${r.error.message}`);
  }
  say(`exporting ${k}`);
  const t0 = performance.now();
  const r = exportSyncFile(ctx, plan.outbox);
  const ms = performance.now() - t0;
  if (!r.ok) fail(`export: ${r.error.message}`);
  say(`exported ${k} ${r.value.seq} ${r.value.sha256} ${ms.toFixed(2)}`);
}
say(`done ${Date.now() - started}`);
store.close();

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
