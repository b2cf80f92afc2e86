import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';

test('simulate: a week at two stations; the reconciliation from the event log matches what was simulated', async (t) => {
  const dir = join(tempDir(t), 'demo');
  assert.equal((await cli(['demo', '--dir', dir, '--residents', '400'], { env: {} })).code, 0);
  const data = join(dir, 'venues', 'honchosha');
  const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo' };
  const sim = await cli(['simulate', '--data', data, '--days', '7', '--stations', '2', '--seed', '4'], { env });
  assert.equal(sim.code, 0, sim.err);
  const s = JSON.parse(sim.out);
  assert.equal(s.days, 7);
  assert.equal(s.daysClosed, 7);
  assert.equal(s.receiptChecks, 1, 'the late shipment was unpacked on day one');
  assert.ok(s.handovers > 10, `only ${s.handovers} handovers`);
  const report = JSON.parse((await cli(['venue', 'report', '--data', data, '--json'], { env })).out);
  assert.equal(report.total.holds, true);
  assert.equal(report.total.handedOver, s.handovers - s.undos);
  assert.equal(report.total.refusals, s.refusals);
  assert.equal(new Set(report.byDayAndStation.map((d: { stationId: string }) => d.stationId)).size, 2);
  const again = await cli(['simulate', '--data', data, '--days', '1', '--seed', '4'], { env });
  assert.equal(again.code, 0, again.err);
  assert.ok(JSON.parse(again.out).startDate > s.startDate, 'a second run continues after the last record');
});
