// How long a wrong sign-in takes must not tell whether the staff id exists. Before issue 14 an unknown id answered
// in ~20 ms and a known one in ~330 ms (scrypt ran for known ids only), so ids could be listed by timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { appFixture, manualClock } from '../testing/app-fixture';

const TRIES = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test('a wrong sign-in takes as long for an unknown id as for a known one, locked or not (median of 15 each)', async (t) => {
  const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
  const timed = async (staffId: string) => {
    const start = performance.now();
    const r = await app.invoke('session:signIn', { staffId, pin: '0000' }, 'w');
    const ms = performance.now() - start;
    assert.ok(!r.ok);
    return ms;
  };
  const known = ['clerk1', 'clerk2', 'lead1'];
  const times = { unknown: [] as number[], known: [] as number[], locked: [] as number[] };
  // Interleaved, so a neighbour's load on this shared machine falls on both alike.
  for (let i = 0; i < TRIES; i++) {
    times.unknown.push(await timed(`nobody${i}`));
    times.known.push(await timed(known[i % 3]!)); // 5 tries each: the fifth locks it
  }
  for (let i = 0; i < TRIES; i++) {
    times.unknown.push(await timed(`nobody${i}`));
    times.locked.push(await timed(known[i % 3]!));
  }
  const m = { unknown: median(times.unknown), known: median(times.known), locked: median(times.locked) };
  t.diagnostic(`median ms: unknown ${m.unknown.toFixed(1)}, known ${m.known.toFixed(1)}, locked ${m.locked.toFixed(1)}`);
  for (const k of ['known', 'locked'] as const) {
    const ratio = m.unknown / m[k];
    assert.ok(ratio > 0.7 && ratio < 1.4, `unknown ${m.unknown.toFixed(1)} ms vs ${k} ${m[k].toFixed(1)} ms (ratio ${ratio.toFixed(2)})`);
  }
});
