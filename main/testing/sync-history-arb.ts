// The shape of a random station history for the sync property tests, and its fast-check arbitraries: which
// station does what, when, with clocks set wrong. Played against the real services by sync-history.ts.
import fc from 'fast-check';
import type { StationSpec } from './sync-fixtures';

export const STATIONS: readonly StationSpec[] = [
  { venue: 'toyosu', stationId: 'toyosu-st01' },
  { venue: 'toyosu', stationId: 'toyosu-st02' },
  { venue: 'sogo', stationId: 'sogo-st01' },
];
/** How far a station's clock may be off. */
export const MAX_CLOCK_OFFSET_MS = 2 * 3600_000;

type Op = 'handover' | 'refusal' | 'undo' | 'damaged' | 'return' | 'correct-receipt' | 'export';

export interface Step {
  readonly station: number;
  readonly op: Op;
  /** Which of the cards the operation can apply to (taken modulo their number). */
  readonly pick: number;
  /** Cards in a return batch. */
  readonly count: number;
  /** Time passing before the step: zero gives ties, hours cross business days. */
  readonly advanceMs: number;
}

export interface History {
  /** How far each station's clock is off (stations are offline laptops): its events interleave others' by it. */
  readonly clockOffsetsMs: readonly number[];
  readonly steps: readonly Step[];
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant('handover' as const), weight: 5 },
  {
    arbitrary: fc.constantFrom('refusal' as const, 'undo' as const, 'damaged' as const, 'return' as const, 'correct-receipt' as const),
    weight: 5,
  },
  { arbitrary: fc.constant('export' as const), weight: 2 },
);

const stepArb: fc.Arbitrary<Step> = fc.record({
  station: fc.nat({ max: STATIONS.length - 1 }),
  op: opArb,
  pick: fc.nat({ max: 15 }),
  count: fc.integer({ min: 1, max: 3 }),
  advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 * 3600_000 })),
});

/** Up to `maxSteps` steps, lengths spread over the whole range (fast-check's default keeps arrays near 10). */
export const historyArb = (maxSteps: number): fc.Arbitrary<History> =>
  fc.record({
    clockOffsetsMs: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -MAX_CLOCK_OFFSET_MS, max: MAX_CLOCK_OFFSET_MS })), {
      minLength: STATIONS.length,
      maxLength: STATIONS.length,
    }),
    steps: fc.array(stepArb, { maxLength: maxSteps, size: 'max' }),
  });

/** Files a history produces: one per export step, then each station's closing export. */
export function fileCount(history: History): number {
  return history.steps.filter((s) => s.op === 'export').length + STATIONS.length;
}
